import os
import stat

from broadsheet.importers.staging import Staging


def test_a_staging_file_is_private_from_its_first_byte(tmp_path):
    # It holds commenters' e-mail addresses, and a killed import leaves it.
    umask = os.umask(0o022)
    try:
        staging = Staging(tmp_path / "import-1.staging")
    finally:
        os.umask(umask)
    try:
        assert stat.S_IMODE(staging.path.stat().st_mode) == 0o600
        staging.add_comment("1", None, {"email": "reader@example.org"}, item_seq=1)
        staging.flush()
        assert stat.S_IMODE(staging.path.stat().st_mode) == 0o600
    finally:
        staging.close()
