import Foundation
import Hummingbird
import NIOCore
import Platform

/// The check-in page's only script: fills the position fields from the phone's location when the visitor asks
/// (the fields can be typed by hand; the page works without it).
enum CheckinScript {
    static let source = """
        (function () {
          var button = document.getElementById('checkin-locate');
          if (!button || !navigator.geolocation) { return; }
          button.hidden = false;
          button.addEventListener('click', function () {
            navigator.geolocation.getCurrentPosition(function (position) {
              document.getElementById('checkin-lat').value = position.coords.latitude.toFixed(6);
              document.getElementById('checkin-lon').value = position.coords.longitude.toFixed(6);
            });
          });
        })();
        """

    static func register(on router: Router<AppRequestContext>) {
        router.get("/society/checkin.js") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: ByteBuffer(string: Self.source)))
        }
    }
}
