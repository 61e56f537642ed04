// Secret ballot in the browser: RFC 9474 RSABSSA-SHA384-PSS-Randomized, client side.
// The token is blinded here, signed by the server for the signed-in voter, unblinded here, and the ballot is cast
// in a separate request that carries no cookie and no account. The receipt is the SHA-256 of the token message.
(function () {
  'use strict';
  var form = document.getElementById('ballot-form');
  if (!form || !window.crypto || !crypto.subtle || typeof BigInt === 'undefined') return;
  var status = document.getElementById('ballot-status');
  form.hidden = false;

  function der(bytes, at) {
    var tag = bytes[at], len = bytes[at + 1], head = 2;
    if (len & 0x80) { var n = len & 0x7f; len = 0; for (var i = 0; i < n; i++) len = len * 256 + bytes[at + 2 + i]; head += n; }
    return { tag: tag, start: at + head, end: at + head + len };
  }
  function toBig(bytes) { var x = 0n; for (var i = 0; i < bytes.length; i++) x = (x << 8n) + BigInt(bytes[i]); return x; }
  function toBytes(x, len) { var out = new Uint8Array(len); for (var i = len - 1; i >= 0; i--) { out[i] = Number(x & 255n); x >>= 8n; } return out; }
  function modPow(b, e, m) { var r = 1n; b %= m; while (e > 0n) { if (e & 1n) r = r * b % m; b = b * b % m; e >>= 1n; } return r; }
  function modInv(a, m) { var t = 0n, nt = 1n, r = m, nr = a % m; while (nr) { var q = r / nr; [t, nt] = [nt, t - q * nt]; [r, nr] = [nr, r - q * nr]; } if (r !== 1n) throw new Error('not invertible'); return t < 0n ? t + m : t; }
  function rand(n) { var b = new Uint8Array(n); crypto.getRandomValues(b); return b; }
  function concat() { var len = 0, i; for (i = 0; i < arguments.length; i++) len += arguments[i].length; var out = new Uint8Array(len), at = 0; for (i = 0; i < arguments.length; i++) { out.set(arguments[i], at); at += arguments[i].length; } return out; }
  async function sha(name, data) { return new Uint8Array(await crypto.subtle.digest(name, data)); }
  function b64url(bytes) { var s = ''; for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]); return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''); }
  function unb64url(text) { var s = atob(text.replace(/-/g, '+').replace(/_/g, '/')); var out = new Uint8Array(s.length); for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i); return out; }
  function hex(bytes) { return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join(''); }

  function publicKey(pem) {
    var body = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    var bytes = unb64url(body.replace(/\+/g, '-').replace(/\//g, '_'));
    var spki = der(bytes, 0), algorithm = der(bytes, spki.start), bits = der(bytes, algorithm.end);
    var rsa = der(bytes, bits.start + 1), n = der(bytes, rsa.start), e = der(bytes, n.end);
    var modulus = bytes.slice(n.start, n.end); while (modulus[0] === 0) modulus = modulus.slice(1);
    return { n: toBig(modulus), e: toBig(bytes.slice(e.start, e.end)), bits: modulus.length * 8 - Math.clz32(modulus[0]) + 24 };
  }

  async function mgf1(seed, length) {
    var out = new Uint8Array(0);
    for (var counter = 0; out.length < length; counter++) {
      out = concat(out, await sha('SHA-384', concat(seed, toBytes(BigInt(counter), 4))));
    }
    return out.slice(0, length);
  }

  // EMSA-PSS-ENCODE (RFC 8017 §9.1.1) with SHA-384, MGF1-SHA-384 and a 48-byte salt.
  async function pssEncode(message, emBits) {
    var emLen = Math.ceil(emBits / 8), hLen = 48, sLen = 48;
    var mHash = await sha('SHA-384', message), salt = rand(sLen);
    var h = await sha('SHA-384', concat(new Uint8Array(8), mHash, salt));
    var db = concat(new Uint8Array(emLen - sLen - hLen - 2), Uint8Array.of(1), salt);
    var mask = await mgf1(h, emLen - hLen - 1);
    for (var i = 0; i < db.length; i++) db[i] ^= mask[i];
    db[0] &= 0xff >> (8 * emLen - emBits);
    return concat(db, h, Uint8Array.of(0xbc));
  }

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    var choices = Array.prototype.filter.call(form.querySelectorAll('input[name=choice]'), function (i) { return i.checked; })
      .map(function (i) { return Number(i.value); });
    var button = form.querySelector('button');
    button.disabled = true;
    status.textContent = form.dataset.working;
    try {
      var key = publicKey(document.getElementById('vote-key').textContent);
      var size = Math.ceil(key.bits / 8);
      var message = concat(rand(32), new TextEncoder().encode('citizen-cloud/vote/' + form.dataset.vote + '/'), rand(32));
      var m = toBig(await pssEncode(message, key.bits - 1)), r;
      do { r = toBig(rand(size)) % key.n; } while (r < 2n);
      var inverse = modInv(r, key.n);
      var blinded = toBytes(m * modPow(r, key.e, key.n) % key.n, size);
      var body = new URLSearchParams({ csrf: form.dataset.csrf, blindedMessage: b64url(blinded) });
      var issued = await fetch('/participation/votes/' + form.dataset.vote + '/token', { method: 'POST', body: body, credentials: 'same-origin' });
      var answer = await issued.json();
      if (!issued.ok) throw new Error(answer.detail || issued.status);
      var s = toBig(unb64url(answer.blindSignature)) * inverse % key.n;
      if (modPow(s, key.e, key.n) !== m) throw new Error('bad signature');
      var ballot = JSON.stringify({ message: b64url(message), signature: b64url(toBytes(s, size)), choices: choices });
      var cast = await fetch('/api/v1/participation/votes/' + form.dataset.vote + '/ballots', {
        method: 'POST', body: ballot, credentials: 'omit', headers: { 'Content-Type': 'application/json' } });
      var receipt = await cast.json();
      if (!cast.ok) throw new Error(receipt.detail || cast.status);
      var hash = hex(await sha('SHA-256', message));
      status.innerHTML = '';
      var link = document.createElement('a');
      link.id = 'receipt-link';
      link.href = '/participation/votes/' + form.dataset.vote + '?receipt=' + hash;
      link.textContent = hash;
      status.append(form.dataset.done + ' ', link);
    } catch (error) {
      status.textContent = String(error.message || error);
      button.disabled = false;
    }
  });
})();
