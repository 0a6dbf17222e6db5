from __future__ import annotations

import base64
from pathlib import Path

import pytest

from sluis.errors import InputError
from sluis.keys import Key, KeyFormatError


def test_text_forms_round_trip() -> None:
    key = Key.generate()
    assert Key.from_text(key.to_text()) == key
    assert Key.from_text(base64.b64encode(key.material).decode()) == key
    assert Key.from_text(base64.urlsafe_b64encode(key.material).decode().rstrip("=")) == key
    assert Key.from_text("  " + key.to_text().upper() + "\n") == key


def test_generate_gives_fresh_keys() -> None:
    assert Key.generate() != Key.generate()


@pytest.mark.parametrize("text", ["", "abc", "zz" * 32, "00" * 31, "AAAA" * 20], ids=range(5))
def test_bad_text_is_an_input_error_without_key_material(text: str) -> None:
    with pytest.raises(KeyFormatError) as caught:
        Key.from_text(text)
    assert isinstance(caught.value, InputError)
    assert caught.value.code == "SLUIS-110"
    if text:
        assert text not in str(caught.value)


def test_load_reads_a_key_file_and_names_only_the_file(tmp_path: Path) -> None:
    key = Key.generate()
    good = tmp_path / "sluis.key"
    good.write_text(key.to_text() + "\n")
    assert Key.load(good) == key
    bad = tmp_path / "broken.key"
    bad.write_text("secret-looking-but-wrong")
    with pytest.raises(KeyFormatError) as caught:
        Key.load(bad)
    assert "broken.key" in str(caught.value)
    assert "secret-looking" not in str(caught.value)
    with pytest.raises(KeyFormatError, match="No such file"):
        Key.load(tmp_path / "missing.key")
    binary = tmp_path / "random.key"
    binary.write_bytes(bytes(range(256)))
    with pytest.raises(KeyFormatError, match=r"not a Sluis key .*sluis keygen"):
        Key.load(binary)


def test_repr_hides_material_and_derive_separates_purposes() -> None:
    key = Key.generate()
    assert key.to_text() not in repr(key) and key.to_text() not in str(key)
    assert key.derive("id.bsn") == key.derive("id.bsn")
    assert key.derive("id.bsn") != key.derive("finance.iban")
    assert key.derive("id.bsn") != key
    with pytest.raises(KeyFormatError):
        Key(b"short")
