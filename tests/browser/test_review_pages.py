"""The review pages in a real browser: sign-in per role, reading, deciding, keyboard, axe."""

from __future__ import annotations

import json
from typing import Any

import pytest

from api.store.repository import Actor
from tests.api.conftest import HOME
from tests.browser.conftest import AXE, STRANGER, Site, shoot, sign_in

ROLES = ("jurist", "bestuurder", "beleidsmedewerker", "auditor")


@pytest.mark.parametrize("role", ROLES)
def test_each_role_signs_in_and_sees_what_the_role_allows(page: Any, role: str) -> None:
    sign_in(page, role)
    heading = page.get_by_role("heading", level=1)
    if role in ("jurist", "bestuurder"):
        assert heading.inner_text() == "Werklijst"
        assert page.get_by_role("link", name="E1-visser", exact=True).is_visible()
    else:
        assert heading.inner_text() == "Geen toegang"
        assert f"u bent aangemeld als {role}" in page.content()
        page.get_by_role("button", name="Afmelden en met een ander account aanmelden").click()
        assert page.url.endswith("/aanmelden")
    shoot(page, f"werklijst-{role}")


def test_a_wrong_password_is_said_on_the_form(page: Any) -> None:
    page.goto("/")
    assert page.url.endswith("/aanmelden"), "without a session every page asks to sign in"
    shoot(page, "aanmelden")
    sign_in(page, "bestuurder", "niet-het-wachtwoord")
    assert page.get_by_role("alert").inner_text().startswith("Onbekende gebruikersnaam")
    shoot(page, "aanmelden-fout")


def test_e1_shows_the_closure_the_childrens_concern_and_the_network(page: Any, site: Site) -> None:
    sign_in(page, "jurist")
    page.get_by_role("link", name="E1-visser", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Casus E1-visser")
    verdict = page.locator("section", has=page.locator("#oordeel"))
    assert "Sluiting woning of lokaal wegens drugshandel" in verdict.inner_text()
    law = verdict.get_by_role("link", name="art. 13b lid 1 sub a Opiumwet").first
    assert law.get_attribute("href", timeout=1000).startswith("https://wetten.overheid.nl/")
    concerns = page.locator("section", has=page.locator("#maat")).inner_text()
    assert "Er wonen minderjarigen in het pand" in concerns
    picture = page.locator("svg.netwerk")
    assert picture.is_visible()
    assert picture.locator("g.minderjarig").count() == 2
    # Why: the proof opens with the keyboard-operable <details>.
    closure = page.locator("details#i-I01-sluiting-13b-drugshandel")
    closure.locator("summary").click()
    assert closure.locator(".bewijs").first.is_visible()
    # A jurist reads but cannot decide.
    assert page.get_by_role("button", name="Besluit vastleggen").count() == 0
    assert "Alleen een bestuurder legt een besluit vast" in page.content()
    shoot(page, "casus-e1")
    page.goto(f"/beoordelingen/{site.e1}")
    shoot(page, "casus-e1-boven", full_page=False)


def test_a_bestuurder_of_another_municipality_sees_nothing(page: Any, site: Site) -> None:
    sign_in(page, *STRANGER)
    assert page.get_by_role("heading", level=1).inner_text() == "Werklijst"
    assert "E1-visser" not in page.content()
    page.goto(f"/beoordelingen/{site.e1}")
    assert page.get_by_role("heading", level=1).inner_text() == "Niet gevonden"
    shoot(page, "niet-gevonden")


def test_deciding_stores_exactly_one_decision_and_shows_it_after_a_reload(
    page: Any, site: Site
) -> None:
    sign_in(page, "bestuurder")
    page.goto(f"/beoordelingen/{site.e2}")
    page.get_by_label("Overnemen: de aanbevolen combinatie").check()
    page.get_by_label("Motivering", exact=True).fill("Het advies weegt de belangen goed af.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.wait_for_load_state()
    page.reload()
    decided = page.locator("section.besluit").inner_text()
    assert "Advies overgenomen" in decided and "Het advies weegt de belangen goed af." in decided
    assert "vastgelegd door bestuurder" in decided
    row = site.app.state.afweging.store.get_evaluation(site.e2, Actor("test", HOME))
    assert len(row.decisions) == 1
    shoot(page, "besluit-e2")
    page.locator("#besluit").scroll_into_view_if_needed()
    shoot(page, "besluit-e2-boven", full_page=False)
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Besluit vastleggen").is_visible()
    shoot(page, "besluit-e2-afdruk")


def test_the_keyboard_alone_reaches_the_decision_button(page: Any, site: Site) -> None:
    sign_in(page, "bestuurder")
    page.goto(f"/beoordelingen/{site.e1}")
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "besluit-knop":
            break
    else:
        pytest.fail("de knop 'Besluit vastleggen' is met Tab niet te bereiken")


def _serious(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => JSON.stringify(await axe.run(document))")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:3]]}
        for v in json.loads(result)["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_axe_finds_no_serious_violation(browser: Any, site: Site) -> None:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=site.base, bypass_csp=True
    )
    page = context.new_page()
    try:
        page.goto("/aanmelden")
        found = {"aanmelden": _serious(page)}
        sign_in(page, "bestuurder")
        found["werklijst"] = _serious(page)
        page.goto(f"/beoordelingen/{site.e1}")
        found["casus"] = _serious(page)
        assert found == {"aanmelden": [], "werklijst": [], "casus": []}
    finally:
        context.close()


def test_the_case_page_fits_a_tablet(browser: Any, site: Site) -> None:
    context = browser.new_context(viewport={"width": 768, "height": 1024}, base_url=site.base)
    page = context.new_page()
    try:
        sign_in(page, "bestuurder")
        page.goto(f"/beoordelingen/{site.e1}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"de pagina is {overflow}px breder dan een tablet"
        shoot(page, "casus-e1-tablet")
    finally:
        context.close()
