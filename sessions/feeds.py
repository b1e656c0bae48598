"""The Atom feed of a programme's changes (sessions/changes.py), in the page's language."""

from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from home.text import printable

FEED_LENGTH = 50


def changes_feed(programme, request):
    edition = programme.edition
    own = request.build_absolute_uri(programme.get_url(request))
    log = own + programme.reverse_subpage("changes")
    name = edition.event_name or edition.title if edition else programme.title
    # Django's feed refuses control characters (a 500): older titles may hold some.
    feed = Atom1Feed(
        title=printable(_("%(name)s: what changed in the programme") % {"name": name}),
        link=log,
        description=_("Sessions added or cancelled, time and room changes, speakers."),
        language=programme.locale.language_code,
        feed_url=request.build_absolute_uri(),
        feed_guid=f"{log}#atom",
    )
    for change in programme.changes(limit=FEED_LENGTH):
        page = change["page"]
        link = request.build_absolute_uri(page.get_url(request)) if page else log
        feed.add_item(
            title=printable(
                _("%(session)s: %(change)s")
                % {"session": change["title"], "change": change["text"]}
            ),
            link=link,
            description=printable(change["text"]),
            unique_id=f"{log}#change-{change['id']}",
            unique_id_is_permalink=False,
            pubdate=change["at"],
            updateddate=change["at"],
        )
    return HttpResponse(
        feed.writeString("utf-8"), content_type="application/atom+xml; charset=utf-8"
    )
