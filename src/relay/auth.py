"""Staff credentials and tokens: Argon2id password hashes, random tokens stored only as hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from vocabulary.phrases import Phrase, phrase

# argon2-cffi's defaults are RFC 9106's low-memory profile of Argon2id.
_hasher = PasswordHasher()
# Verified against when a username does not exist, so a wrong name costs as long as a wrong
# password and the answer does not reveal which accounts exist.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))

MIN_PASSWORD_LENGTH = 10


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(encoded: str | None, password: str) -> bool:
    """True when ``password`` matches the Argon2 hash ``encoded`` (None: an unknown account)."""
    try:
        return _hasher.verify(encoded or _DUMMY_HASH, password) and encoded is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def password_problem(password: str) -> Phrase | None:
    """Why a new password is not acceptable (said in the reader's language), or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return phrase("auth.password_short", least=MIN_PASSWORD_LENGTH)
    return None


def new_token() -> str:
    """A fresh bearer token (256 bits); only its hash is ever stored."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """SHA-256 of a token. Tokens are random, so a fast hash is enough to keep them unusable."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


# -- second factor (TOTP, RFC 6238) ----------------------------------------------------------

TOTP_ISSUER = "Lotsen"


def new_totp_secret() -> str:
    """A fresh base32 TOTP secret (160 bits), for `lotsen staff totp NAME`."""
    import pyotp

    return pyotp.random_base32(32)


def totp_uri(secret: str, username: str, issuer: str = TOTP_ISSUER) -> str:
    """The otpauth:// URI an authenticator app reads from the QR code."""
    import pyotp

    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=issuer)


def totp_now(secret: str, now: float) -> str:
    """The code an authenticator app shows at ``now`` (used by tests and enrolment checks)."""
    import pyotp

    totp = pyotp.TOTP(secret)
    return totp.generate_otp(int(now // totp.interval))


def totp_step(secret: str, code: str, now: float) -> int | None:
    """The 30-second time step ``code`` is valid for (now, or one step either side for clock
    drift), or None. The caller refuses steps already used, so a code cannot be replayed."""
    import pyotp

    code = code.replace(" ", "").strip()
    if len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    step = int(now // totp.interval)
    for candidate in (step, step - 1, step + 1):
        if hmac.compare_digest(totp.generate_otp(candidate), code):
            return candidate
    return None
