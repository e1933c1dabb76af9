# language: nl
Functionaliteit: De gezinsaanpak in het advies: één gezin, één plan, één regisseur
  Het advies (niet alleen de memo) laat de gezinsaanpak van de aanbevolen combinatie zien: een
  doel per persoon en voor het gezin, de selectiegronden getoetst (een familienaam is nooit
  een selectiegrond, art. 1 Grondwet), een regisseur als die er nog niet is, de dekking van
  repressie, preventie en weerbaarheid, de veiligheid van professionals als stap van het plan
  en per stap de partners van de gezagsvierhoek.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"
    En de personen:
      | id | alias | leeftijd | rol           | verwijtbaar |
      | P1 | Ron   | 44       | sleutelfiguur | ja          |
      | P2 | Els   | 41       | partner       |             |
      | P3 | Mila  | 9        | kind          |             |
    En de relaties:
      | van | soort   | naar |
      | P1  | partner | P2   |
      | P1  | ouder   | P3   |
      | P2  | ouder   | P3   |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners   | medische praktijk |
      | W1 | woning | voorbeeldstad | sociale huur | P1, P2, P3 | nee               |
    En de bevindingen:
      | id | soort | datum      | pand | personen | middel   | lijst | hoeveelheid | eenheid | bron                    | bewezen |
      | F1 | drugs | 2026-02-10 | W1   | P1       | cannabis | II    | 120         | planten | bestuurlijke rapportage | ja      |

  Scenario: Zonder regisseur raadt het advies er een aan; een familienaam als grond wordt afgewezen
    Gegeven de casusgegevens:
      | familie | doelen                                                      | selectiegronden                          |
      | Visser  | stoppen criminaliteit, kinderen beschermen, leefbare straat | familie Visser, drugsproductie in woning |
    Als de casus wordt beoordeeld
    Dan noemt de gezinsaanpak voor "Mila" het doel "kinderen beschermen"
    En noemt de gezinsaanpak voor "Ron" het doel "criminele activiteiten stoppen"
    En noemt de gezinsaanpak voor het gezin "leefbaarheid van de straat"
    En wijst de gezinsaanpak de selectiegrond "familie Visser" af als familienaam
    En raadt de gezinsaanpak een regisseur aan
    En noemt de gezinsaanpak de veiligheid van professionals als stap van het plan
    En noemt de gezinsaanpak bij "I14" de partners "burgemeester, politie"
    En noemt de gezinsaanpak de dekking "repressie"

  Scenario: Met een regisseur en zonder selectiegronden: geen regisseur aanbevolen, de gronden onzeker
    Gegeven de casusgegevens:
      | doelen                | regisseur |
      | stoppen criminaliteit | ja        |
    Als de casus wordt beoordeeld
    Dan raadt de gezinsaanpak geen regisseur aan
    En noemt de gezinsaanpak de selectiegronden onzeker
