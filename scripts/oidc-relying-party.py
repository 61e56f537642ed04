#!/usr/bin/env python3
"""A standard OpenID Connect relying party (Authlib) run against a CitizenCloud server by RelyingPartyLibraryTests.

Usage: oidc-relying-party.py BASE_URL CLIENT_ID CLIENT_SECRET REDIRECT_URI USERNAME PASSWORD \
           [KEY_CLIENT_ID KEY_PEM_FILE]

Drives discovery -> authorize (code flow, PKCE S256, nonce) -> sign-in form -> token (client_secret_basic) ->
ID token verification against the JWKS (signature, iss, aud, exp, nonce) -> userinfo -> refresh, and prints one
JSON line with what it saw. Exits non-zero on any failure. The test server listens on a random port while its
issuer stays fixed, so endpoint URLs from discovery are re-rooted at BASE_URL (only for the HTTP calls; every
claim is still checked against the advertised issuer). With KEY_CLIENT_ID and KEY_PEM_FILE it also gets a
client-credentials token authenticating with private_key_jwt (Authlib's PrivateKeyJWT, ES256).
"""
import html
import json
import re
import secrets
import sys
import urllib.parse

import requests
from authlib.integrations.requests_client import OAuth2Session
from authlib.jose import JsonWebKey, jwt
from authlib.oauth2.rfc7523 import PrivateKeyJWT
from joserfc.jwk import ECKey


def main() -> None:
    base, client_id, client_secret, redirect_uri, username, password = sys.argv[1:7]
    http = requests.Session()
    discovery = http.get(base + "/.well-known/openid-configuration", timeout=10).json()
    issuer = discovery["issuer"]

    def local(url: str) -> str:
        return base + url[len(issuer):] if url.startswith(issuer) else url

    oauth = OAuth2Session(
        client_id, client_secret, scope="openid profile offline_access", redirect_uri=redirect_uri,
        code_challenge_method="S256", token_endpoint_auth_method="client_secret_basic")
    verifier = secrets.token_urlsafe(48)
    nonce = secrets.token_urlsafe(16)
    url, state = oauth.create_authorization_url(
        local(discovery["authorization_endpoint"]), code_verifier=verifier, nonce=nonce)

    # The sign-in and consent page: a resident fills it in (the CSRF cookie is Secure, so send it by hand).
    page = http.get(url, timeout=10)
    assert page.status_code == 200, page.status_code
    fields = {name: html.unescape(value) for name, value in
              re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page.text)}
    fields.update(username=username, password=password, decision="approve")
    answer = http.post(
        urllib.parse.urljoin(url, "/oauth/authorize"), data=fields, allow_redirects=False, timeout=10,
        headers={"Cookie": "cc_oauth_csrf=" + page.cookies["cc_oauth_csrf"]})
    assert answer.status_code in (302, 303), (answer.status_code, answer.text[:200])
    location = answer.headers["Location"]
    assert location.startswith(redirect_uri), location

    token = oauth.fetch_token(
        local(discovery["token_endpoint"]), authorization_response=location, code_verifier=verifier, state=state)
    keys = JsonWebKey.import_key_set(http.get(local(discovery["jwks_uri"]), timeout=10).json())
    options = {
        "iss": {"essential": True, "value": issuer},
        "aud": {"essential": True, "value": client_id},
        "nonce": {"essential": True, "value": nonce},
        "exp": {"essential": True},
    }
    claims = jwt.decode(token["id_token"], keys, claims_options=options)
    claims.validate()
    algorithm = claims.header["alg"]
    assert algorithm in discovery["id_token_signing_alg_values_supported"], algorithm

    info = oauth.get(local(discovery["userinfo_endpoint"]), timeout=10).json()
    assert info["sub"] == claims["sub"], (info, dict(claims))

    refreshed = oauth.refresh_token(local(discovery["token_endpoint"]), refresh_token=token["refresh_token"])
    assert refreshed["refresh_token"] != token["refresh_token"]
    again = jwt.decode(refreshed["id_token"], keys, claims_options={"iss": options["iss"], "aud": options["aud"]})
    again.validate()
    assert again["sub"] == claims["sub"]

    result = {"alg": algorithm, "sub": claims["sub"], "name": info.get("name"), "refreshed": True}
    if len(sys.argv) > 8:
        assert "private_key_jwt" in discovery["token_endpoint_auth_methods_supported"]
        with open(sys.argv[8]) as file:
            key = ECKey.import_key(file.read())
        # The assertion's aud is the advertised token endpoint; the request goes to the re-rooted one.
        keyed = OAuth2Session(
            sys.argv[7], key, scope="api",
            token_endpoint_auth_method=PrivateKeyJWT(discovery["token_endpoint"], alg="ES256"))
        service = keyed.fetch_token(local(discovery["token_endpoint"]), grant_type="client_credentials")
        result["private_key_jwt"] = service["token_type"] == "Bearer" and bool(service["access_token"])
    print(json.dumps(result))


if __name__ == "__main__":
    main()
