"""The CM's monthly report (``invoke rapport``): the site's own data as a document for a manager.

Not a Pelican plugin: it reads the site through Pelican's generators and the other plugins'
records, and writes ``rapports/<période>/`` (HTML, PDF, CSV, JSON). See README.md.
"""
