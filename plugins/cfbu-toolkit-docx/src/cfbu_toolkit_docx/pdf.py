"""Word to PDF through LibreOffice: ``soffice --headless --convert-to pdf``.

The conversion runs in a private temporary folder (the document, a LibreOffice profile of
its own so it never meets a running office, and the result), with a time limit; the folder
is removed afterwards, whatever happens.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from cfbu_toolkit import CfbuError
from cfbu_toolkit.locale import N_

__all__ = ["TIMEOUT", "soffice", "to_pdf"]

TIMEOUT = 180
"""Seconds LibreOffice may take for one document."""


def soffice() -> str:
    """The path of ``soffice``, or a CfbuError that says to install LibreOffice."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise CfbuError(
            N_(
                "writing PDF needs LibreOffice (the soffice command), which is not installed; "
                "install LibreOffice (on Debian or Ubuntu: apt-get install "
                "libreoffice-writer-nogui) or export to .docx instead"
            )
        )
    return found


def to_pdf(docx: bytes, *, timeout: float = TIMEOUT) -> bytes:
    """The PDF of a Word document."""
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="cfbu-pdf-") as folder:
        os.chmod(folder, 0o700)
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(docx)
        profile = (work / "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, timeout=timeout, check=False, cwd=work
            )
        except subprocess.TimeoutExpired:
            raise CfbuError(
                N_("LibreOffice took more than {seconds} seconds to make the PDF"),
                seconds=int(timeout),
            ) from None
        target = work / "document.pdf"
        if result.returncode != 0 or not target.is_file():
            reason = (result.stderr or result.stdout).decode("utf-8", "replace").strip()
            raise CfbuError(
                N_("LibreOffice could not make the PDF: {reason}"),
                reason=reason or f"exit status {result.returncode}",
            )
        return target.read_bytes()
