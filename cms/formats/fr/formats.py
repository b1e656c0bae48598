# « vendredi 4 juillet 2025 », « 9 h 30 »
DATE_FORMAT = "l j F Y"
TIME_FORMAT = "G\u00a0\\h\u00a0i"  # no-break spaces: « 9 h 30 » never wraps
# A date without the weekday (« 15 avril 2025 »), read by the day_date filter.
DAY_FORMAT = "j F Y"
# A day of the year without its year (« 2 juillet »): when something changed.
MONTH_DAY_FORMAT = "j F"
