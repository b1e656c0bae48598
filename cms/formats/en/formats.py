# "Friday 4 July 2025", "9:30"
DATE_FORMAT = "l j F Y"
TIME_FORMAT = "G:i"
