import io
import stat

import pytest

from broadsheet.backups import BackupError
from broadsheet.backups.archive import ArchiveWriter, Manifest, members, read_manifest


def write_archive(path, files: dict[str, bytes]):
    with ArchiveWriter(path) as writer:
        for name, data in files.items():
            writer.add(name, io.BytesIO(data), len(data))
        writer.finish(Manifest("now", "test", "sqlite", has_secret_key=False))
    return path


def test_an_archive_is_private_from_its_first_byte_and_reads_back(tmp_path):
    archive = write_archive(tmp_path / "a.tar", {"media/images/x.jpg": b"picture"})
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    manifest = read_manifest(archive)
    read = []
    for member in members(archive, manifest):  # each read in turn
        read.append(member.read())
        member.check()
    assert read == [b"picture"]
    assert list(tmp_path.iterdir()) == [archive]  # no partial file left


def test_a_failed_backup_leaves_nothing_under_the_final_name(tmp_path):
    final = tmp_path / "a.tar"
    with pytest.raises(OSError), ArchiveWriter(final) as writer:
        writer.add("media/short", io.BytesIO(b"three"), 10)  # the file shrank
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "name", ["../secret_key", "media/../../etc/passwd", "/etc/passwd", "other/x"]
)
def test_a_manifest_naming_a_file_outside_the_data_directory_is_refused(name):
    manifest = Manifest("now", "test", "sqlite", has_secret_key=False)
    data = manifest.to_bytes().replace(
        b'"members": []',
        b'"members": [{"name": "%s", "size": 1, "sha256": ""}]' % name.encode(),
    )
    with pytest.raises(BackupError, match="it names a file"):
        Manifest.from_bytes(data)
