"""One app instance per database file: a second start brings the first forward, or says why not."""

from __future__ import annotations

from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QMainWindow

import pytest

from desktop_app.gui.instance import Claim, InstanceError, SingleInstance, bring_to_front, server_name


@pytest.fixture
def instances():
    made = []

    def make(path):
        instance = SingleInstance(path)
        made.append(instance)
        return instance

    yield make
    for instance in made:
        instance.close()


def test_second_start_on_the_same_file_activates_the_first(qapp, tmp_path, instances):
    first = instances(tmp_path / "cases.sqlite")
    assert first.claim() is Claim.PRIMARY
    requests = []
    first.activation_requested.connect(lambda: requests.append(True))

    second = instances(tmp_path / "cases.sqlite")
    assert second.claim() is Claim.ACTIVATED
    assert requests == [True]


def test_other_files_get_their_own_instance(qapp, tmp_path, instances):
    assert instances(tmp_path / "cases.sqlite").claim() is Claim.PRIMARY
    assert instances(tmp_path / "demo.sqlite").claim() is Claim.PRIMARY
    assert instances(tmp_path / "other" / "cases.sqlite").claim() is Claim.PRIMARY


def test_the_same_file_reached_by_another_relative_path_is_the_same_instance(qapp, tmp_path, instances, monkeypatch):
    assert instances(tmp_path / "cases.sqlite").claim() is Claim.PRIMARY
    monkeypatch.chdir(tmp_path)
    assert instances("cases.sqlite").claim() is Claim.ACTIVATED


def test_after_the_first_instance_closes_a_new_start_becomes_primary(qapp, tmp_path, instances):
    first = instances(tmp_path / "cases.sqlite")
    first.claim()
    first.close()
    assert instances(tmp_path / "cases.sqlite").claim() is Claim.PRIMARY


def test_an_instance_that_does_not_answer_is_reported_in_chinese(qapp, tmp_path):
    path = tmp_path / "cases.sqlite"
    hung = QLocalServer()  # accepts connections but never answers, like a frozen window
    assert hung.listen(server_name(path))
    try:
        with pytest.raises(InstanceError, match="没有响应"):
            SingleInstance(path).claim(timeout_ms=300)
    finally:
        hung.close()


def test_activation_restores_a_minimised_window(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_to_front(window)
    assert window.isVisible()
    assert not window.isMinimized()
