"""`datatrail studio`: an educator adapts their own scenario in forms, in Chromium, on this computer only."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import expect

TIMEOUT_MS = 120_000


def test_the_studio_opens_the_educators_scenario_checks_edits_and_offers_it(tmp_path: Path, page, axe,
                                                                           datatrail_until_ctrl_c) -> None:
    subprocess.run([sys.executable, "-m", "kit", "new", "lyon", "--out", str(tmp_path)], check=True,
                   capture_output=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with datatrail_until_ctrl_c("studio", "--port", str(port), "--scenario", str(tmp_path / "lyon"),
                                stop_within_s=30) as process:
        url = process.stdout.readline().split(": ", 1)[1].strip()
        assert url.startswith(f"http://127.0.0.1:{port}/voila/render/studio.ipynb?token=")
        page.goto(url, timeout=TIMEOUT_MS)
        expect(page.get_by_role("heading", name="Studio de scénario")).to_be_visible(timeout=TIMEOUT_MS)
        download = page.get_by_role("link", name="Télécharger le scénario (fichier YAML)")
        expect(download).to_have_attribute("download", "lyon.yaml")  # the educator's copy, not Nantes
        page.get_by_role("button", name="Lieux", exact=True).click()
        latitude = page.get_by_label("Latitude")
        latitude.fill("60")
        latitude.press("Enter")
        expect(page.get_by_role("alert")).to_contain_text("places[0].lat", timeout=30_000)
        expect(download).to_have_count(0)
        assert axe(page) == []
        assert [url for url in page.requests if not url.startswith(f"http://127.0.0.1:{port}/")] == []
    assert process.returncode == 0
