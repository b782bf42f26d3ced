def test_sample_site_has_home(sample_site):
    assert sample_site.html("/").find("html")["lang"] == "fr"
