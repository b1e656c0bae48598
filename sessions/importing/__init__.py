"""The programme spreadsheet: read a file (reading), check it against the edition and
plan the changes (planning), write them in one transaction (writing), and write the
programme back to a file with the same columns (exporting). The admin view, the
`import_programme` command and the tests share these steps."""
