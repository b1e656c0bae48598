"""The editors' and translators' guide (docs/guide/, in French), read inside the admin.

The guide's Markdown files are the single source: the admin renders them, and the browser
tests retake its screenshots (docs/guide/images/) from the real admin on every run."""

import re
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.urls import reverse

GUIDE_DIR = Path(settings.BASE_DIR) / "docs" / "guide"
PAGE_NAME = re.compile(r"^[a-z0-9-]+$")
IMAGE_NAME = re.compile(r"^[a-z0-9-]+\.png$")


def render(text):
    import markdown

    html = markdown.markdown(text, extensions=["tables", "toc", "sane_lists"])
    # Links between guide pages and to its images, as the admin serves them.
    html = re.sub(
        r'href="([a-z0-9-]+)\.md(#[\w-]+)?"',
        lambda m: f'href="{reverse("admin_guide_page", args=[m.group(1)])}{m.group(2) or ""}"',
        html,
    )
    html = html.replace('href="README.md"', f'href="{reverse("admin_guide")}"')
    return re.sub(
        r'src="images/([a-z0-9-]+\.png)"',
        lambda m: f'src="{reverse("admin_guide_image", args=[m.group(1)])}"',
        html,
    )


def page(request, name="README"):
    if name != "README" and not PAGE_NAME.match(name):
        raise Http404
    path = GUIDE_DIR / f"{name}.md"
    if not path.is_file():
        raise Http404
    text = path.read_text(encoding="utf-8")
    title = next((line[2:] for line in text.splitlines() if line.startswith("# ")), name)
    return TemplateResponse(
        request,
        "home/admin/guide.html",
        {"title": title, "content": render(text), "is_index": name == "README"},
    )


def image(request, name):
    if not IMAGE_NAME.match(name) or not (GUIDE_DIR / "images" / name).is_file():
        raise Http404
    return FileResponse(open(GUIDE_DIR / "images" / name, "rb"), content_type="image/png")
