"""The site's icon and description, as a browser tab and a search engine see them."""

from __future__ import annotations


def test_the_favicon_is_linked_and_served_where_browsers_look(client):
    """/favicon.ico is an icon; every page links the icons and describes the site."""
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.data[:4] == b"\x00\x00\x01\x00"  # an ICO file
    page = client.get("/gigs").get_data(as_text=True)
    assert 'rel="icon" href="/static/favicon.svg"' in page
    assert client.get("/static/favicon.svg").status_code == 200
    assert '<meta name="description" content="宁波灵活用工' in page
    english = client.get("/gigs?lang=en").get_data(as_text=True)
    assert '<meta name="description" content="Ningbo\'s marketplace' in english
