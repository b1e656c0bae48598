# "viernes 4 de julio de 2025", "9:30"
DATE_FORMAT = r"l j \d\e F \d\e Y"
TIME_FORMAT = "G:i"
