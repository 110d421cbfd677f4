"""Fixtures of the transport tests: a throwaway certificate authority, trusted or not."""

from __future__ import annotations

from pathlib import Path

import pytest
import trustme


@pytest.fixture(scope="module")
def certificate_authority() -> trustme.CA:
    """A CA of the test's own, trusted by nobody unless a test says so (`trusted`)."""
    return trustme.CA()


@pytest.fixture
def trusted(
    certificate_authority: trustme.CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> trustme.CA:
    """The CA, trusted the way a user trusts a private CA: SSL_CERT_FILE."""
    bundle = tmp_path / "ca.pem"
    certificate_authority.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    return certificate_authority
