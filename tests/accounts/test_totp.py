"""The TOTP module against RFC 6238's test vectors (Appendix B) and its own rules."""

import pytest

from netzwerkstatt.accounts import totp

# RFC 6238 Appendix B: the seeds are ASCII "1234567890" repeated to the digest's length.
SEEDS = {
    "SHA1": b"12345678901234567890",
    "SHA256": b"12345678901234567890123456789012",
    "SHA512": b"1234567890123456789012345678901234567890123456789012345678901234",
}
VECTORS = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]


@pytest.mark.parametrize(("timestamp", "sha1", "sha256", "sha512"), VECTORS)
def test_totp_matches_the_rfc_6238_vectors(timestamp, sha1, sha256, sha512):
    for algorithm, expected in (("SHA1", sha1), ("SHA256", sha256), ("SHA512", sha512)):
        assert totp.totp(SEEDS[algorithm], timestamp, digits=8, algorithm=algorithm) == expected


def test_hotp_matches_the_rfc_4226_vectors():
    expected = ["755224", "287082", "359152", "969429", "338314"]

    assert [totp.hotp(SEEDS["SHA1"], counter) for counter in range(5)] == expected


def test_six_digit_code_is_the_last_six_of_the_eight():
    assert totp.totp(SEEDS["SHA1"], 59) == "287082"


def _secret() -> str:
    return totp.secret_generate()


def test_secret_is_160_bits_of_base32_and_reads_back():
    secret = _secret()

    assert len(secret) == 32
    assert len(totp.secret_bytes(secret)) == 20
    assert totp.secret_bytes(" ".join(totp.secret_groups(secret.lower()))) == totp.secret_bytes(
        secret
    )
    assert secret != _secret()


def test_secret_groups_of_four():
    assert totp.secret_groups("ABCDEFGHIJ") == ["ABCD", "EFGH", "IJ"]


def test_verify_accepts_the_current_and_the_neighbouring_steps():
    secret = _secret()
    key = totp.secret_bytes(secret)
    now = 1_700_000_015.0
    step = totp.time_step(now)

    assert totp.verify(secret, totp.totp(key, now), timestamp=now) == step
    assert totp.verify(secret, totp.totp(key, now - 30), timestamp=now) == step - 1
    assert totp.verify(secret, totp.totp(key, now + 30), timestamp=now) == step + 1
    assert totp.verify(secret, totp.totp(key, now - 60), timestamp=now) is None
    assert totp.verify(secret, totp.totp(key, now + 60), timestamp=now) is None


def test_verify_refuses_a_step_already_used_and_earlier_ones():
    secret = _secret()
    key = totp.secret_bytes(secret)
    now = 1_700_000_015.0
    step = totp.time_step(now)
    code = totp.totp(key, now)

    assert totp.verify(secret, code, timestamp=now, last_step=step) is None
    assert totp.verify(secret, totp.totp(key, now - 30), timestamp=now, last_step=step) is None
    assert totp.verify(secret, code, timestamp=now, last_step=step - 1) == step
    # The next step's code still works after this one was used.
    assert totp.verify(secret, totp.totp(key, now + 30), timestamp=now, last_step=step) == step + 1


@pytest.mark.parametrize("code", ["", "12345", "1234567", "abcdef", "12 34 5x"])
def test_verify_refuses_malformed_codes(code):
    assert totp.verify(_secret(), code, timestamp=1_700_000_000.0) is None


def test_verify_ignores_spaces_in_the_code():
    secret = _secret()
    code = totp.totp(totp.secret_bytes(secret), 1_700_000_000.0)

    assert totp.verify(secret, f"{code[:3]} {code[3:]}", timestamp=1_700_000_000.0) is not None


def test_provisioning_uri_names_issuer_account_and_parameters():
    uri = totp.provisioning_uri(
        "JBSWY3DPEHPK3PXP", account="anna@example.org", issuer="Netzwerkstatt"
    )

    assert uri == (
        "otpauth://totp/Netzwerkstatt:anna@example.org?secret=JBSWY3DPEHPK3PXP"
        "&issuer=Netzwerkstatt&algorithm=SHA1&digits=6&period=30"
    )
