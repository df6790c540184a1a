"""A copy of the tree takes what git tracks and nothing else, and never reads through a link
(tests/packaging/tracked_tree.py, the source the release is built from).

Each test makes a small git repository in a temp folder, standing for a checkout, and places
in it what a working tree collects: an untracked file, an untracked link to a large file and a
link to ``/dev/zero``."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from tracked_tree import NotCopyable, copy_tracked, is_git_tree, tracked_paths

pytestmark = pytest.mark.skipif(not is_git_tree(Path(__file__).parent),
                                reason="git is needed to know the tracked files")

LARGE = 8 * 1024**3   # sparse: nothing is written, but a copy through the link would be 8 GiB


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                   timeout=60)


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    root = tmp_path / "checkout"
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "mod.py").write_text("VALUE = 1\n")
    (root / "README.md").write_text("readme\n")
    os.symlink("README.md", root / "LINKED.md")      # a tracked link inside the tree
    git(root, "init", "-q")
    git(root, "add", "pkg/mod.py", "README.md", "LINKED.md")
    # What a working tree collects beside the tracked files.
    (root / "pkg" / "scratch.toml").write_text("[untracked]\n")
    big = tmp_path / "large.bin"
    with open(big, "wb") as out:
        out.truncate(LARGE)
    os.symlink(big, root / "pkg" / "broken-config.toml")
    os.symlink("/dev/zero", root / "zero.toml")
    return root


def files_in(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() or p.is_symlink()}


def test_the_copy_holds_the_tracked_files_and_no_untracked_file_or_link(checkout, tmp_path):
    dest = tmp_path / "copy"
    copied = copy_tracked(checkout, dest)
    assert sorted(copied) == ["LINKED.md", "README.md", "pkg/mod.py"]
    assert files_in(dest) == {"LINKED.md", "README.md", "pkg/mod.py"}
    assert not (dest / "pkg" / "scratch.toml").exists()
    assert not (dest / "pkg" / "broken-config.toml").is_symlink()
    assert not (dest / "zero.toml").is_symlink()
    assert sum(p.stat().st_size for p in dest.rglob("*") if p.is_file()) < 1024


def test_a_tracked_link_inside_the_tree_stays_a_link(checkout, tmp_path):
    dest = tmp_path / "copy"
    copy_tracked(checkout, dest)
    assert os.readlink(dest / "LINKED.md") == "README.md"
    assert (dest / "LINKED.md").read_text() == "readme\n"


def test_the_work_trees_content_is_copied_and_a_deleted_file_left_out(checkout, tmp_path):
    (checkout / "pkg" / "mod.py").write_text("VALUE = 2\n")   # changed, not committed
    (checkout / "README.md").unlink()                         # deleted, still in the index
    dest = tmp_path / "copy"
    copy_tracked(checkout, dest)
    assert (dest / "pkg" / "mod.py").read_text() == "VALUE = 2\n"
    assert not (dest / "README.md").exists()


def test_a_tracked_path_that_became_a_link_out_of_the_tree_is_refused(checkout, tmp_path):
    (checkout / "README.md").unlink()
    os.symlink("/dev/zero", checkout / "README.md")
    with pytest.raises(NotCopyable, match="README.md: a link out of the tree"):
        copy_tracked(checkout, tmp_path / "copy")


def test_a_tracked_link_climbing_out_of_the_tree_is_refused(checkout, tmp_path):
    os.symlink("../large.bin", checkout / "up.bin")
    git(checkout, "add", "up.bin")
    with pytest.raises(NotCopyable, match=r"up.bin: a link out of the tree \(../large.bin\)"):
        copy_tracked(checkout, tmp_path / "copy")


def test_a_tracked_file_that_became_a_folder_is_refused(checkout, tmp_path):
    (checkout / "pkg" / "mod.py").unlink()
    (checkout / "pkg" / "mod.py").mkdir()
    with pytest.raises(NotCopyable, match="pkg/mod.py: tracked as a file but is not one"):
        copy_tracked(checkout, tmp_path / "copy")


def test_the_paths_of_a_sub_folder_are_relative_to_it(checkout):
    assert tracked_paths(checkout / "pkg") == ["mod.py"]
