# "Friday 4 July 2025", "9:30"
DATE_FORMAT = "l j F Y"
TIME_FORMAT = "G:i"
# A date without the weekday (« 15 avril 2025 »), read by the day_date filter.
DAY_FORMAT = "j F Y"
# A day of the year without its year (« 2 juillet »): when something changed.
MONTH_DAY_FORMAT = "j F"
