"""Services: the only code that joins the database and the domain packages."""
