"""The admin's own screens and rules: date widgets, wagtail-localize's views held to the
roles, page permissions, the translators' dashboard, the guide, bulk actions, the snippets'
admin, the admin API's pages and the upstream strings the project's catalogue replaces."""
