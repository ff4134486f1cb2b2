"""The shipped resources are found from a checkout and render."""

from desktop_app.gui.resources import app_icon
from desktop_app.paths import resource_path


def test_the_app_icon_is_found_and_renders(qapp):
    assert resource_path("icons/app.svg").is_file()
    icon = app_icon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    # The red header band of the document is drawn (the SVG icon engine is in the wheel).
    colour = image.pixelColor(30, 10)
    assert colour.red() > 150 and colour.green() < 80
