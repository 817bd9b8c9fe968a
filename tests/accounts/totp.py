"""Codes as an authenticator app computes them (RFC 6238: HMAC-SHA1, 30 s, 6 digits)."""

import base64
import hmac
import struct
import time

# A code typed now must still be the current one when the server checks it (the server
# accepts no code of the window before). Closer than this to the end of its 30 seconds, the
# helper waits for the next window, as a person would wait for the app's next code.
MARGIN_SECONDS = 8


def code(secret, at=None):
    if at is None:
        left = 30 - time.time() % 30
        if left < MARGIN_SECONDS:
            time.sleep(left + 0.1)
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), "sha1").digest()
    offset = digest[-1] & 0x0F
    value = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{value:06d}"
