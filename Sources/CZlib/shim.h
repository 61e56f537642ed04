// Shim so Swift can import the system zlib (zlib1g-dev) as the module CZlib.
#include <zlib.h>
