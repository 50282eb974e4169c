"""The tables of opposites the opposites check reads (opposites.py), one per language: facts of
each language, written here. Pairs of the same form: 'grande petite', 'größer kleiner', so
that a word's opposite is what the translator would have written in its place.

Left out in every language: pairs that are mostly no opposite ('up'/'down', 'left'/'right',
'more'/'less'; French 'toujours', also 'still', 'ferme', also 'farm', 'été', also 'been',
'est', also 'is', 'propre', also 'own'; German 'morgen', also 'tomorrow', 'sicher', also
'surely', 'vor'/'nach', also 'ago'/'to', 'schloss', also 'castle').
"""

from __future__ import annotations

_EN = """
rise fall|rose fell|risen fallen|rises falls|rising falling|increase decrease
increased decreased|increases decreases|high low|higher lower|highest lowest|above below
larger smaller|largest smallest|big small|bigger smaller|biggest smallest|long short
longer shorter|longest shortest|tall short|old young|older younger|oldest youngest
elder younger|eldest youngest|new old|early late|earlier later|earliest latest|before after
first last|always never|often seldom|open closed|opened closed|open shut|north south|east west
northern southern|eastern western|win lose|won lost|wins loses|buy sell|bought sold|buys sells
rich poor|richer poorer|hot cold|warm cool|hotter colder|warmer cooler|strong weak
stronger weaker|fast slow|faster slower|quickly slowly|happy sad|alive dead|full empty
wide narrow|wider narrower|thick thin|deep shallow|near far|nearer farther|inside outside
arrive leave|enter exit|push pull|pushed pulled|true false|good bad|better worse|best worst
love hate|loved hated|agree disagree|agreed disagreed|accept refuse|accepted refused
allow forbid|allowed forbade|remember forget|remembered forgot|friend enemy|friends enemies
day night|morning evening|summer winter|top bottom|success failure|peace war|victory defeat
cheap expensive|easy difficult|easier harder|safe dangerous|clean dirty|wet dry|hard soft
harder softer|loud quiet|louder quieter
"""

# French adjectives in their four forms (masculine, feminine; singular, plural) side by side
_FR_FORMS = """
grand petit grande petite grands petits grandes petites
haut bas haute basse hauts bas hautes basses
nouveau ancien nouvelle ancienne nouveaux anciens nouvelles anciennes
aîné cadet aînée cadette aînés cadets aînées cadettes
chaud froid chaude froide chauds froids chaudes froides
riche pauvre riche pauvre riches pauvres riches pauvres
fort faible forte faible forts faibles fortes faibles
plein vide pleine vide pleins vides pleines vides
large étroit large étroite larges étroits larges étroites
épais mince épaisse mince épais minces épaisses minces
long court longue courte longs courts longues courtes
rapide lent rapide lente rapides lents rapides lentes
heureux triste heureuse triste heureux tristes heureuses tristes
heureux malheureux heureuse malheureuse heureux malheureux heureuses malheureuses
vivant mort vivante morte vivants morts vivantes mortes
vrai faux vraie fausse vrais faux vraies fausses
bon mauvais bonne mauvaise bons mauvais bonnes mauvaises
meilleur pire meilleure pire meilleurs pires meilleures pires
facile difficile facile difficile faciles difficiles faciles difficiles
clair sombre claire sombre clairs sombres claires sombres
premier dernier première dernière premiers derniers premières dernières
ouvert fermé ouverte fermée ouverts fermés ouvertes fermées
lourd léger lourde légère lourds légers lourdes légères
bruyant silencieux bruyante silencieuse bruyants silencieux bruyantes silencieuses
supérieur inférieur supérieure inférieure supérieurs inférieurs supérieures inférieures
oriental occidental orientale occidentale orientaux occidentaux orientales occidentales
ami ennemi amie ennemie amis ennemis amies ennemies
"""

_FR = """
vieux jeune|vieil jeune|vieille jeune|vieilles jeunes|vieux jeunes|proche lointain
proches lointains|près loin|vite lentement|rapidement lentement|jour nuit|jours nuits
matin soir|matins soirs|nord sud|paix guerre|victoire défaite|victoires défaites
souvent rarement|ouvrir fermer|ouvrit ferma|ouvrait fermait|monter descendre|monta descendit
montait descendait|hausse baisse|augmenter diminuer|augmenta diminua|augmente diminue
augmentation diminution|entrer sortir|entra sortit|entrait sortait|gagner perdre|gagna perdit
gagné perdu|acheter vendre|acheta vendit|acheté vendu|aimer détester|aimait détestait
accepter refuser|accepta refusa|accepté refusé|avant après|dedans dehors
intérieur extérieur|intérieure extérieure|début fin|succès échec|tôt tard|maximum minimum
"""

# German adjectives take their endings alike: each pair with -e, -en, -er, -es, -em too
_DE_ADJECTIVES = """
groß klein|größer kleiner|größt kleinst|alt jung|älter jünger|ältest jüngst
alt neu|lang kurz|länger kürzer|warm kalt|wärmer kälter|heiß kalt|reich arm|reicher ärmer
stark schwach|stärker schwächer|schnell langsam|schneller langsamer|voll leer|breit schmal
dick dünn|tief flach|nah fern|früh spät|früher später|erst letzt|gut schlecht|einfach schwierig
sauber schmutzig|nass trocken|hart weich|laut leise|lebendig tot|richtig falsch|wahr falsch
offen geschlossen|billig teuer|glücklich traurig|nördlich südlich|östlich westlich|leicht schwer
"""

_DE = """
hoch niedrig|hohe niedrige|hohen niedrigen|hoher niedriger|hohes niedriges|höher niedriger
Norden Süden|Osten Westen|Tag Nacht|Tage Nächte|Sommer Winter|Krieg Frieden|Sieg Niederlage
Freund Feind|Freunde Feinde|immer nie|oft selten|steigen fallen|stieg fiel|gestiegen gefallen
steigt fällt|kaufen verkaufen|kaufte verkaufte|gewinnen verlieren|gewann verlor
gewonnen verloren|öffnen schließen|Anfang Ende|Erfolg Misserfolg|oben unten
innen außen|drinnen draußen|lieben hassen|liebte hasste|Ankunft Abfahrt
"""
_DE_ENDINGS = ("", "e", "en", "er", "es", "em")


def _pairs(table: str) -> list[tuple[str, str]]:
    return [(words[0], words[1]) for pair in table.replace("\n", "|").split("|")
            if len(words := pair.split()) == 2]


def pairs(lang: str) -> list[tuple[str, str]]:
    """The pairs of opposites of a language (primary subtag), none where it has no table."""
    if lang == "en":
        return _pairs(_EN)
    if lang == "fr":
        forms = [line.split() for line in _FR_FORMS.strip().splitlines()]
        return [(f[k], f[k + 1]) for f in forms for k in range(0, len(f), 2)] + _pairs(_FR)
    if lang == "de":
        return [(a + e, b + e) for a, b in _pairs(_DE_ADJECTIVES) for e in _DE_ENDINGS
                if not (e == "" and a in ("erst", "letzt", "größt", "kleinst", "ältest", "jüngst"))] \
            + _pairs(_DE)
    return []
