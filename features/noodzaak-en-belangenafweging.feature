# language: nl
Functionaliteit: Eerst de noodzaak, dan de belangenafweging (ABRvS 28 augustus 2019, ECLI:NL:RVS:2019:2912)
  Voor elke repressieve maatregel staat eerst vast of die nodig is: gaat een lichter middel
  voor (subsidiariteit), dan is een aanpak met de zwaardere maatregel zonder dat lichtere
  middel ervóór niet toelaatbaar. Een zwaarwegend bezwaar (zorgpunt op niveau 'let op')
  vraagt een opvang; kan niets het opvangen, dan gaat het lichtere middel voor, ook als het
  beleid een hogere trede voorschrijft (art. 4:84 Awb: bijzondere omstandigheden).

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"
    En de casusgegevens:
      | doelen                                   |
      | stoppen criminaliteit, kinderen beschermen |
    En de personen:
      | id | alias | leeftijd | rol           | verwijtbaar |
      | P1 | Ron   | 44       | sleutelfiguur | ja          |
      | P3 | Mila  | 9        | kind          |             |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners | overtreding | medische praktijk |
      | W1 | woning | voorbeeldstad | sociale huur | P1, P3   | ja          | nee               |
    En de bevindingen:
      | id | soort | datum      | pand | personen | middel   | lijst | hoeveelheid | eenheid | bron                    | bewezen |
      | F1 | drugs | 2026-02-10 | W1   | P1       | cannabis | II    | 120         | planten | bestuurlijke rapportage | ja      |

  Scenario: Kinderen in huis, gezinsregie al mislukt en een lichter middel mogelijk: geen sluiting
    Gegeven de eerdere interventies:
      | id | soort                  | datum      | doelwit | uitkomst |
      | B1 | I14-waarschuwingsbrief | 2025-06-01 | W1      | herhaling |
      | B2 | I17-gezinsregie        | 2025-09-01 | P1      | mislukt   |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk
    En heeft "I01" het zorgpunt "minderjarigen-in-woning"
    En staat "I01" in geen enkele combinatie
    En draagt het bestuursorgaan dat het overtreden voorschrift uitvoert (college of burgemeester, art. 125 Gemeentewet) "I12" in de eerste combinatie

  Scenario: Kinderen in huis en gezinsregie mogelijk: de sluiting volgens het beleid, met gezinsregie ervoor
    Gegeven de eerdere interventies:
      | id | soort                  | datum      | doelwit | uitkomst  |
      | B1 | I14-waarschuwingsbrief | 2025-06-01 | W1      | herhaling |
    Als de casus wordt beoordeeld
    Dan draagt de burgemeester "I01" in de eerste combinatie
    En draagt het college van burgemeester en wethouders "I17" in de eerste combinatie
