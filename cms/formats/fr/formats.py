# « vendredi 4 juillet 2025 », « 9 h 30 »
DATE_FORMAT = "l j F Y"
SHORT_DAY_FORMAT = "j F"
TIME_FORMAT = r"G \h i"
