# "viernes 4 de julio de 2025", "9:30"
DATE_FORMAT = r"l j \d\e F \d\e Y"
TIME_FORMAT = "G:i"
# A date without the weekday (« 15 avril 2025 »), read by the day_date filter.
DAY_FORMAT = r"j \d\e F \d\e Y"
# A day of the year without its year ("2 de julio"): when something changed.
MONTH_DAY_FORMAT = r"j \d\e F"
