#!/usr/bin/env python3
# Copyright 2026 PhyNet Health
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a synthetic corpus in the MedlinePlus health-topic XML format.

Health Library's tests and benchmarks use this instead of a real NLM download,
so that they run from a clone of the project alone.  The output has the shape
of mplus_topics_YYYY-MM-DD.xml: English and Spanish topics paired through
<language-mapped-topic>, escaped-HTML summaries that link to other topics,
1-3 groups per topic, MeSH headings, other-language links and 5-40 <site>
records per topic.  Every sentence is generated word salad: the file is test
data, NOT health information, and says so in an XML comment and in every
summary.

Same arguments, same bytes: the output depends only on --topics, --seed and
--malformed.

Usage:
    gen-corpus.py [--topics N] [--seed S] [--out FILE|-] [--quiet]
    gen-corpus.py --topics 40 --malformed KIND --out bad.xml
    gen-corpus.py --list-malformed

--topics defaults to 2050 (about 1,050 English + 1,000 Spanish topics, 27 MB,
like the real file).  --out defaults to mplus_topics_synthetic.xml; "-" writes
to standard output.  Unless --quiet, one summary line goes to standard error.

--malformed KIND writes a broken or hostile variant instead (the rest of the
file is the normal corpus for the same --topics/--seed; use a small --topics
for these).  --list-malformed prints the kinds, --help describes them:
truncated, bad-utf8, unescaped-lt, billion-laughs (rejected by libxml2's
entity-loop guard), empty, not-xml and zip are not parseable as plain XML;
deep-nesting and huge-text are well-formed but exceed libxml2's default limits
(they parse only with XML_PARSE_HUGE); duplicate-ids, missing-attrs, xxe,
script, javascript-url, wrong-root, no-topics, gzip, utf16 and bom are
well-formed XML (gzip after decompression, which libxml2 does by itself).

Quirks that importers must tolerate are present on purpose in the valid
corpus too: a few related-topic and language-mapped-topic references point at
ids that are not in the file, a few sites carry an unknown information
category, some topics lack meta-desc or date-created, some summaries have no
attribution, a stray empty paragraph or a paragraph without its <p>.
"""

import argparse
import gzip
import io
import random
import sys
import time
import unicodedata
import zipfile
import zlib

# --------------------------------------------------------------------------
# Facts about the format.  Group ids, slugs and names follow the project's
# sample group file (ids 9001-9015 are placeholders there); Spanish names are
# given only where that file has one.

GROUP_TABLE = """\
2|digestivesystem|Digestive System|Sistema digestivo
3|childrenandteenagers|Children and Teenagers|Niños y adolescentes
5|mentalhealthandbehavior|Mental Health and Behavior|Salud mental y conducta
6|olderadults|Older Adults|Personas mayores
7|bloodheartandcirculation|Blood, Heart and Circulation|Sangre, corazón y circulación
10|bonesjointsandmuscles|Bones, Joints and Muscles|Huesos, articulaciones y músculos
12|infections|Infections|Infecciones
14|brainandnerves|Brain and Nerves|Cerebro y nervios
15|lungsandbreathing|Lungs and Breathing|Pulmón y vías respiratorias
16|earnoseandthroat|Ear, Nose and Throat|Oído, nariz y garganta
18|skinhairandnails|Skin, Hair and Nails|Piel, cabello y uñas
19|injuriesandwounds|Injuries and Wounds|Lesiones y heridas
20|pregnancyandreproduction|Pregnancy and Reproduction|Embarazo y reproducción
21|geneticsbirthdefects|Genetics/Birth Defects|Genética/Defectos de nacimiento
22|immunesystem|Immune System|Sistema inmunitario
23|endocrinesystem|Endocrine System|Sistema endocrino
25|diagnostictests|Diagnostic Tests|
26|foodandnutrition|Food and Nutrition|Alimentos y nutrición
28|poisoningtoxicologyenvironmentalhealth|Poisoning, Toxicology, Environmental Health|Envenenamientos, toxicología y salud ambiental
29|safetyissues|Safety Issues|Asuntos de seguridad
30|socialfamilyissues|Social/Family Issues|Asuntos sociales y familiares
31|symptoms|Symptoms|Síntomas
34|sexualhealthissues|Sexual Health Issues|Asuntos de salud sexual
35|complementaryandalternativetherapies|Complementary and Alternative Therapies|Terapias complementarias y alternativas
36|drugtherapy|Drug Therapy|
40|metabolicproblems|Metabolic Problems|Problemas del metabolismo
42|femalereproductivesystem|Female Reproductive System|Sistema reproductor femenino
44|disasters|Disasters|Desastres
45|diabetesmellitus|Diabetes Mellitus|Diabetes mellitus
9001|cancers|Cancers|Cánceres
9002|eyesandvision|Eyes and Vision|
9003|kidneysandurinarysystem|Kidneys and Urinary System|Riñones y sistema urinario
9004|mouthandteeth|Mouth and Teeth|
9005|malereproductivesystem|Male Reproductive System|
9006|surgeryandrehabilitation|Surgery and Rehabilitation|
9007|transplantationanddonation|Transplantation and Donation|
9008|men|Men|
9009|women|Women|
9010|populationgroups|Population Groups|
9011|fitnessandexercise|Fitness and Exercise|
9012|healthsystem|Health System|
9013|personalhealthissues|Personal Health Issues|
9014|wellnessandlifestyle|Wellness and Lifestyle|
9015|substanceuseanddisorders|Substance Use and Disorders|Consumo de sustancias y sus trastornos
"""


def _parse_groups():
    table = {}
    for row in GROUP_TABLE.splitlines():
        gid, slug, en, es = row.split("|")
        table[int(gid)] = (slug, en, es or None)
    return table


GROUPS = _parse_groups()
GROUPS_WITH_SPANISH = sorted(g for g, v in GROUPS.items() if v[2])

# NIH institutes: abbreviation -> (home page, English name, Spanish name).
INSTITUTES = {
    "NIDDK": ("https://www.niddk.nih.gov", "National Institute of Diabetes and Digestive and Kidney Diseases",
              "Instituto Nacional de la Diabetes y las Enfermedades Digestivas y Renales"),
    "NHLBI": ("https://www.nhlbi.nih.gov", "National Heart, Lung, and Blood Institute",
              "Instituto Nacional del Corazón, los Pulmones y la Sangre"),
    "NIAMS": ("https://www.niams.nih.gov", "National Institute of Arthritis and Musculoskeletal and Skin Diseases",
              "Instituto Nacional de Artritis y Enfermedades Musculoesqueléticas y de la Piel"),
    "NIAID": ("https://www.niaid.nih.gov", "National Institute of Allergy and Infectious Diseases",
              "Instituto Nacional de Alergias y Enfermedades Infecciosas"),
    "NINDS": ("https://www.ninds.nih.gov", "National Institute of Neurological Disorders and Stroke",
              "Instituto Nacional de Trastornos Neurológicos y Accidentes Cerebrovasculares"),
    "NEI": ("https://www.nei.nih.gov", "National Eye Institute", "Instituto Nacional del Ojo"),
    "NIDCD": ("https://www.nidcd.nih.gov", "National Institute on Deafness and Other Communication Disorders",
              "Instituto Nacional de la Sordera y Otros Trastornos de la Comunicación"),
    "NIDCR": ("https://www.nidcr.nih.gov", "National Institute of Dental and Craniofacial Research",
              "Instituto Nacional de Investigación Dental y Craneofacial"),
    "NCI": ("https://www.cancer.gov", "National Cancer Institute", "Instituto Nacional del Cáncer"),
    "NICHD": ("https://www.nichd.nih.gov",
              "Eunice Kennedy Shriver National Institute of Child Health and Human Development",
              "Instituto Nacional de Salud Infantil y Desarrollo Humano Eunice Kennedy Shriver"),
    "NIMH": ("https://www.nimh.nih.gov", "National Institute of Mental Health",
             "Instituto Nacional de la Salud Mental"),
}

# Body parts: (English word used in titles, Spanish noun phrase with article,
# group id, institute).
BODY_PARTS = [
    ("Kidney", "el riñón", 9003, "NIDDK"), ("Heart", "el corazón", 7, "NHLBI"),
    ("Liver", "el hígado", 2, "NIDDK"), ("Lung", "el pulmón", 15, "NHLBI"),
    ("Bone", "los huesos", 10, "NIAMS"), ("Skin", "la piel", 18, "NIAMS"),
    ("Blood", "la sangre", 7, "NHLBI"), ("Nerve", "los nervios", 14, "NINDS"),
    ("Joint", "las articulaciones", 10, "NIAMS"), ("Thyroid", "la tiroides", 23, "NIDDK"),
    ("Stomach", "el estómago", 2, "NIDDK"), ("Eye", "los ojos", 9002, "NEI"),
    ("Ear", "el oído", 16, "NIDCD"), ("Muscle", "los músculos", 10, "NIAMS"),
    ("Spine", "la columna", 10, "NINDS"), ("Bladder", "la vejiga", 9003, "NIDDK"),
    ("Gum", "las encías", 9004, "NIDCR"), ("Sinus", "los senos paranasales", 16, "NIDCD"),
    ("Foot", "el pie", 10, "NIAMS"), ("Hand", "la mano", 10, "NIAMS"),
    ("Hip", "la cadera", 10, "NIAMS"), ("Knee", "la rodilla", 10, "NIAMS"),
    ("Scalp", "el cuero cabelludo", 18, "NIAMS"), ("Vein", "las venas", 7, "NHLBI"),
    ("Artery", "las arterias", 7, "NHLBI"), ("Colon", "el colon", 2, "NIDDK"),
    ("Tooth", "los dientes", 9004, "NIDCR"), ("Tongue", "la lengua", 9004, "NIDCR"),
    ("Wrist", "la muñeca", 10, "NIAMS"), ("Ankle", "el tobillo", 10, "NIAMS"),
    ("Shoulder", "el hombro", 10, "NIAMS"), ("Nail", "las uñas", 18, "NIAMS"),
    ("Pancreas", "el páncreas", 23, "NIDDK"), ("Brain", "el cerebro", 14, "NINDS"),
    ("Throat", "la garganta", 16, "NIDCD"), ("Nose", "la nariz", 16, "NIDCD"),
    ("Eyelid", "el párpado", 9002, "NEI"), ("Voice", "la voz", 16, "NIDCD"),
    ("Hair", "el cabello", 18, "NIAMS"), ("Breast", "la mama", 42, "NCI"),
]

# Conditions: (English, Spanish, Spanish gender, Spanish plural?, group id or 0).
CONDITIONS = [
    ("Disease", "Enfermedad", "f", False, 0), ("Diseases", "Enfermedades", "f", True, 0),
    ("Disorders", "Trastornos", "m", True, 0), ("Infections", "Infecciones", "f", True, 12),
    ("Problems", "Problemas", "m", True, 0), ("Pain", "Dolor", "m", False, 31),
    ("Cancer", "Cáncer", "m", False, 9001), ("Injuries", "Lesiones", "f", True, 19),
    ("Tests", "Pruebas", "f", True, 25), ("Failure", "Insuficiencia", "f", False, 0),
    ("Stones", "Cálculos", "m", True, 0), ("Inflammation", "Inflamación", "f", False, 22),
    ("Cysts", "Quistes", "m", True, 0), ("Bleeding", "Sangrado", "m", False, 31),
    ("Transplant", "Trasplante", "m", False, 9007), ("Surgery", "Cirugía", "f", False, 9006),
    ("Health", "Salud", "f", False, 9014), ("Screening", "Detección", "f", False, 25),
    ("Tumors", "Tumores", "m", True, 9001), ("Spasms", "Espasmos", "m", True, 31),
    ("Weakness", "Debilidad", "f", False, 31), ("Swelling", "Hinchazón", "f", False, 31),
    ("Itching", "Picazón", "f", False, 31), ("Damage", "Daño", "m", False, 19),
    ("Ulcers", "Úlceras", "f", True, 0), ("Syndrome", "Síndrome", "m", False, 0),
]
EPONYM_CONDITIONS = [c for c in CONDITIONS if c[0] in ("Disease", "Syndrome", "Disorders", "Ulcers", "Tumors")]

# Modifiers: (English, Spanish m.sg, f.sg, m.pl, f.pl, group id or 0).
MODIFIERS = [
    ("Chronic", "crónico", "crónica", "crónicos", "crónicas", 0),
    ("Acute", "agudo", "aguda", "agudos", "agudas", 0),
    ("Rare", "raro", "rara", "raros", "raras", 0),
    ("Hereditary", "hereditario", "hereditaria", "hereditarios", "hereditarias", 21),
    ("Seasonal", "estacional", "estacional", "estacionales", "estacionales", 0),
    ("Recurrent", "recurrente", "recurrente", "recurrentes", "recurrentes", 0),
    ("Sudden", "súbito", "súbita", "súbitos", "súbitas", 0),
    ("Silent", "silencioso", "silenciosa", "silenciosos", "silenciosas", 0),
    ("Mild", "leve", "leve", "leves", "leves", 0),
    ("Severe", "grave", "grave", "graves", "graves", 0),
    ("Tropical", "tropical", "tropical", "tropicales", "tropicales", 12),
    ("Atypical", "atípico", "atípica", "atípicos", "atípicas", 0),
    ("Benign", "benigno", "benigna", "benignos", "benignas", 0),
    ("Congenital", "congénito", "congénita", "congénitos", "congénitas", 21),
    ("Nighttime", "nocturno", "nocturna", "nocturnos", "nocturnas", 0),
    ("Childhood", "infantil", "infantil", "infantiles", "infantiles", 3),
    ("Idiopathic", "idiopático", "idiopática", "idiopáticos", "idiopáticas", 0),
]

POPULATIONS = [
    ("in Children", "en niños", 3), ("in Older Adults", "en personas mayores", 6),
    ("in Pregnancy", "en el embarazo", 20), ("in Athletes", "en atletas", 9011),
    ("in Men", "en hombres", 9008), ("in Women", "en mujeres", 9009),
    ("in Teens", "en adolescentes", 3), ("in Babies", "en bebés", 3),
    ("after Travel", "después de un viaje", 12),
]

# Invented surnames for eponymous titles (plus one real-looking classic so a
# title with an apostrophe is guaranteed).
SURNAMES = ["Crohn", "Halvorsen", "Okafor", "Marchetti", "Lindqvist", "Abernathy", "Quiñones", "Takeda",
            "Vasquez", "Oyelaran", "Brandt", "Kowalczyk", "Petrosyan", "Delacroix", "Ibáñez", "Nakamura"]

# Titles that always come first (when N allows): they share words, need XML
# escaping (' and &), and include the Spanish style "Enfermedades del riñón
# crónicas".  Tuples are concept descriptions, see Corpus._render_titles.
ANCHOR_CONCEPTS = [
    ("A", "Kidney", None, "Disease", None, None, None),
    ("B", "Kidney", None, "Diseases", "Chronic", None, None),
    ("A", "Kidney", None, "Stones", None, None, None),
    ("C", "Kidney", None, "Stones", None, "in Children", None),
    ("A", "Kidney", None, "Failure", None, None, None),
    ("E", None, None, "Disease", None, None, "Crohn"),
    ("D", "Heart", "Vein", "Problems", None, None, None),
    ("A", "Heart", None, "Disease", None, None, None),
    ("B", "Heart", None, "Disease", "Congenital", None, None),
    ("A", "Stomach", None, "Ulcers", None, None, None),
    ("D", "Nose", "Throat", "Infections", None, None, None),
    ("B", "Wrist", None, "Pain", "Chronic", None, None),
]

# --------------------------------------------------------------------------
# Filler vocabulary: deliberately silly, so nobody can mistake it for advice.

EN_FILLER_NOUNS = ("lantern pebble ribbon kettle meadow violin compass biscuit harbor pillow walnut teacup "
                   "marble feather saddle chimney button orchard puzzle trumpet anchor blanket cactus ladder "
                   "mitten parsnip quilt rocket tugboat umbrella whistle zeppelin acorn bonnet canoe domino "
                   "easel fiddle goblet hammock igloo jigsaw kazoo locket mailbox noodle").split()
EN_ADJECTIVES = ("amber velvet tidy hollow brisk woolen crooked dappled fizzy gentle humble jolly knotted "
                 "lemony mossy nimble oblong peppery quaint rusty silky tangled upbeat vivid wobbly zesty "
                 "breezy copper dusty freckled").split()
EN_VERBS = ("hums folds wanders polishes juggles sketches whistles borrows tickles stacks rattles paints "
            "measures hides balances ferries counts braids tumbles waves").split()
EN_ADVERBS = ("quietly sideways twice gently backwards softly daily loosely politely somewhat upstairs "
              "eagerly slowly").split()
EN_PREPOSITIONS = "beside under over near behind across around inside".split()

ES_FILLER_NOUNS = [("m", w) for w in (
    "farol guijarro cuaderno pingüino jardín árbol lápiz tambor violín sombrero caracol búho limón cojín "
    "ratón avión espejo pañuelo muñeco otoño plátano murciélago").split()] + [("f", w) for w in (
    "cigüeña montaña canción almohada brújula nuez tetera pestaña escalera bufanda campana tortuga galleta "
    "cebolla ventana maleta lámpara mariposa araña piña sandía").split()]
ES_ADJECTIVES = [tuple(p.split("/")) for p in (
    "dorado/dorada tímido/tímida pequeño/pequeña azul/azul húmedo/húmeda sereno/serena rápido/rápida "
    "redondo/redonda lúcido/lúcida risueño/risueña tranquilo/tranquila pálido/pálida añejo/añeja "
    "mágico/mágica ámbar/ámbar verde/verde feliz/feliz cómodo/cómoda").split()]
ES_VERBS = ("tararea dobla pasea pule dibuja añora baña sueña ríe salta guarda cuenta pinta mece esconde "
            "borda").split()
ES_ADVERBS = ["despacio", "de lado", "dos veces", "con calma", "al revés", "también", "aquí", "allá",
              "sin prisa", "a menudo", "de puntillas"]
ES_PREPOSITIONS = ["junto a", "debajo de", "sobre", "cerca de", "detrás de", "dentro de"]

EN_QUESTIONS = ["What is {t}?", "What causes {t}?", "Who gets {t}?", "What are the signs of {t}?",
                "How is {t} checked?", "What helps with {t}?", "Where can I read more filler about {t}?"]
ES_QUESTIONS = ["¿Qué es {t}?", "¿Qué causa {t}?", "¿Quién tiene {t}?", "¿Cuáles son las señales de {t}?",
                "¿Cómo se revisa {t}?", "¿Qué ayuda con {t}?", "¿Dónde hay más texto de relleno sobre {t}?"]

ATTRIBUTIONS_EXTRA = [("Centers for Disease Control and Prevention",
                       "Centros para el Control y la Prevención de Enfermedades"),
                      ("Food and Drug Administration", "Administración de Alimentos y Medicamentos")]

# Languages of <other-language> links: (vernacular name, English name).
OTHER_LANGUAGES = [
    ("简体中文", "Chinese, Simplified (Mandarin dialect)"), ("繁體中文", "Chinese, Traditional (Cantonese dialect)"),
    ("हिन्दी", "Hindi"), ("Tiếng Việt", "Vietnamese"), ("العربية", "Arabic"), ("Русский", "Russian"),
    ("한국어", "Korean"), ("日本語", "Japanese"), ("فارسی", "Farsi"), ("বাংলা", "Bengali"),
    ("አማርኛ", "Amharic"), ("Kreyòl ayisyen", "French Creole"), ("Українська", "Ukrainian"),
    ("ไทย", "Thai"), ("नेपाली", "Nepali"), ("Af-Soomaali", "Somali"), ("Tagalog", "Tagalog"),
    ("français", "French"), ("Português", "Portuguese"), ("ትግርኛ", "Tigrinya"),
    ("မြန်မာဘာသာ", "Burmese"), ("ພາສາລາວ", "Lao"), ("ខ្មែរ", "Khmer"), ("Hmoob", "Hmong"),
    ("پښتو", "Pashto"), ("ਪੰਜਾਬੀ", "Punjabi"),
]

# Information categories and how often they are drawn for ordinary links.
EN_CATEGORY_WEIGHTS = [
    ("Start Here", 7), ("Learn More", 11), ("Diagnosis and Tests", 5), ("Treatments and Therapies", 4),
    ("Symptoms", 2), ("Related Issues", 4), ("Specifics", 5), ("Videos and Tutorials", 2),
    ("Health Check Tools", 1), ("Images", 1), ("Reference Desk", 2), ("Find an Expert", 3),
    ("Children", 4), ("Teenagers", 2), ("Women", 2), ("Men", 1), ("Older Adults", 1),
    ("Statistics and Research", 2), ("Living With", 1), ("Genetics", 1), ("Prevention and Risk Factors", 2),
]
ES_CATEGORY_WEIGHTS = [
    ("Comience aquí", 7), ("Diagnóstico y exámenes", 5), ("Prevención y factores de riesgo", 2),
    ("Tratamientos y terapias", 4), ("Síntomas", 2), ("Más información", 8), ("Viviendo con...", 2),
    ("Asuntos relacionados", 3), ("Asuntos específicos", 6), ("Interactivos y videos", 2), ("Imágenes", 1),
    ("Estadísticas e investigación", 2), ("Especialistas", 2), ("Niños/as", 3), ("Adolescentes", 2),
    ("Mujeres", 2),
]
# Not in any list the app knows: must be kept and shown after the known ones.
UNKNOWN_CATEGORIES = ["Latest News", "Últimas noticias", "Podcasts (pilot)", "Zz Unmapped Section 7"]

EN_BADGES = ["PDF", "Video", "Easy-to-Read", "Interactive Tutorial"]
ES_BADGES = ["PDF", "Fácil de leer", "Video", "Infografía"]

# Publishers of ordinary links: (English name, Spanish name, English URL
# pattern, Spanish URL pattern or None, NIH?).  {s} is a slug, {n} a number.
PUBLISHERS = [
    ("Centers for Disease Control and Prevention", "Centros para el Control y la Prevención de Enfermedades",
     "https://www.cdc.gov/{s}/about/index.html", "https://www.cdc.gov/{s}/es/about/index.html", False),
    ("Mayo Foundation for Medical Education and Research",
     "Fundación Mayo para la Educación y la Investigación Médica",
     "https://www.mayoclinic.org/diseases-conditions/{s}/symptoms-causes/syc-{n}?p=1",
     "https://www.mayoclinic.org/es/diseases-conditions/{s}/symptoms-causes/syc-{n}?p=1", False),
    ("Nemours Foundation", "Fundación Nemours",
     "https://kidshealth.org/en/parents/{s}.html", "https://kidshealth.org/es/parents/{s}.html", False),
    ("American Academy of Family Physicians", "Academia Americana de Médicos de Familia",
     "https://familydoctor.org/condition/{s}/?adfree=true", "https://es.familydoctor.org/condicion/{s}/?adfree=true",
     False),
    ("Radiological Society of North America", "Sociedad de Radiología de Norteamérica",
     "https://www.radiologyinfo.org/en/info/{s}", "https://www.radiologyinfo.org/es/info/{s}", False),
    ("National Institute of Arthritis and Musculoskeletal and Skin Diseases",
     "Instituto Nacional de Artritis y Enfermedades Musculoesqueléticas y de la Piel",
     "https://www.niams.nih.gov/health-topics/{s}", "https://www.niams.nih.gov/es/informacion-de-salud/{s}", True),
    ("National Heart, Lung, and Blood Institute", "Instituto Nacional del Corazón, los Pulmones y la Sangre",
     "https://www.nhlbi.nih.gov/health/{s}", "https://www.nhlbi.nih.gov/es/salud/{s}", True),
    ("National Institute of Diabetes and Digestive and Kidney Diseases",
     "Instituto Nacional de la Diabetes y las Enfermedades Digestivas y Renales",
     "https://www.niddk.nih.gov/health-information/{s}",
     "https://www.niddk.nih.gov/health-information/informacion-de-la-salud/{s}", True),
    ("Office on Women's Health", "Oficina para la Salud de la Mujer",
     "https://www.womenshealth.gov/a-z-topics/{s}", None, False),
    ("Food and Drug Administration", "Administración de Alimentos y Medicamentos",
     "https://www.fda.gov/consumers/consumer-updates/{s}",
     "https://www.fda.gov/consumers/articulos-para-el-consumidor-en-espanol/{s}", False),
    ("Merck & Co., Inc.", "Merck & Co., Inc.",
     "https://www.merckmanuals.com/home/{s}?query={s}&ruleredirectid=747",
     "https://www.merckmanuals.com/es-us/hogar/{s}?query={s}&ruleredirectid=747", False),
    ("Agency for Healthcare Research and Quality", "Agencia para la Investigación y Calidad de la Atención Médica",
     "https://www.ahrq.gov/patients-consumers/{s}.html", None, False),
    ("American Heart Association", "Asociación Americana del Corazón",
     "https://www.heart.org/en/health-topics/{s}", "https://www.heart.org/es/health-topics/{s}", False),
    ("National Cancer Institute", "Instituto Nacional del Cáncer",
     "https://www.cancer.gov/types/{s}/patient/{s}-pdq", "https://www.cancer.gov/espanol/tipos/{s}/paciente/{s}-pdq",
     True),
    ("Department of Veterans Affairs", "Departamento de Asuntos de Veteranos",
     "https://www.va.gov/health/{s}.asp?utm_source=mplus&utm_medium=link", None, False),
    ("Boston Children's Hospital", "Hospital Infantil de Boston",
     "https://www.childrenshospital.org/conditions/{s}", "https://www.childrenshospital.org/es/conditions/{s}",
     False),
    ("National Institute of Neurological Disorders and Stroke",
     "Instituto Nacional de Trastornos Neurológicos y Accidentes Cerebrovasculares",
     "https://www.ninds.nih.gov/health-information/disorders/{s}",
     "https://espanol.ninds.nih.gov/es/trastornos/{s}", True),
    ("Patient Education Institute", "Instituto de Educación al Paciente",
     "https://medlineplus.gov/tutorials/{s}/htm/index.htm",
     "https://medlineplus.gov/spanish/tutorials/{s}spanish/htm/index.htm", False),
]

MESH_QUALIFIERS = [("Q000150", "complications"), ("Q000175", "diagnosis"), ("Q000628", "therapy"),
                   ("Q000517", "prevention & control"), ("Q000209", "etiology"), ("Q000453", "epidemiology")]

MEDLINEPLUS = "https://medlineplus.gov/"
DOCTYPE = ('<!DOCTYPE health-topics PUBLIC "-//NLM//DTD health-topics //EN" '
           '"https://medlineplus.gov/xml/mplus_topics.dtd">')
NOTICE = ("<!-- SYNTHETIC TEST DATA written by Health Library's tests/gen-corpus.py.\n"
          "     The format is that of MedlinePlus mplus_topics_YYYY-MM-DD.xml, but every title, summary and\n"
          "     link text is generated nonsense: this is NOT health information and NOT an NLM file. -->\n")


# --------------------------------------------------------------------------
# Small helpers.

def xml_text(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attr(s):
    return '"' + xml_text(s).replace('"', "&quot;") + '"'


def html_text(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def url_slug(text, sep="-"):
    """'Dolor de la muñeca' -> 'dolor-de-la-muneca'."""
    out, pending = [], False
    for ch in ascii_fold(text).lower():
        if ch.isalnum():
            if pending and out:
                out.append(sep)
            out.append(ch)
            pending = False
        else:
            pending = True
    return "".join(out) or "topic"


def with_de(phrase):
    """'el riñón' -> 'del riñón', 'la piel' -> 'de la piel'."""
    return "del " + phrase[3:] if phrase.startswith("el ") else "de " + phrase


def with_a(phrase):
    return "al " + phrase[3:] if phrase.startswith("el ") else "a " + phrase


def plural_verb(v):
    """'hums' -> 'hum', 'polishes' -> 'polish', 'ferries' -> 'ferry'."""
    if v.endswith("ies"):
        return v[:-3] + "y"
    if v.endswith(("shes", "ches")):
        return v[:-2]
    return v[:-1]


def capitalize_first(s):
    return s[:1].upper() + s[1:]


class Picker:
    """Weighted choice with precomputed cumulative weights."""

    def __init__(self, pairs):
        self.values = [v for v, _ in pairs]
        self.cum = []
        total = 0
        for _, w in pairs:
            total += w
            self.cum.append(total)

    def __call__(self, rng):
        return rng.choices(self.values, cum_weights=self.cum)[0]


EN_CATEGORY = Picker(EN_CATEGORY_WEIGHTS)
EN_SITE_KIND = Picker([("ency", 30), ("pubmed", 13), ("trials", 6), ("medlineplus", 5), ("publisher", 46)])
ES_SITE_KIND = Picker([("ency", 36), ("trials", 2), ("medlineplus", 6), ("publisher", 56)])
ES_CATEGORY = Picker(ES_CATEGORY_WEIGHTS)
BODY_BY_NAME = {b[0]: b for b in BODY_PARTS}
COND_BY_NAME = {c[0]: c for c in CONDITIONS}
MOD_BY_NAME = {m[0]: m for m in MODIFIERS}
POP_BY_NAME = {p[0]: p for p in POPULATIONS}


class Topic:
    __slots__ = ("index", "lang", "title", "slug", "url", "id", "concept", "pair", "dangling_pair",
                 "core_en", "core_es")

    def __init__(self, index, lang, title, concept):
        self.index = index
        self.lang = lang
        self.title = title
        self.concept = concept
        self.slug = None
        self.url = None
        self.id = None
        self.pair = None
        self.dangling_pair = None

    @property
    def spanish(self):
        return self.lang == "Spanish"


# --------------------------------------------------------------------------
# The corpus.

class Corpus:
    def __init__(self, n_topics, seed):
        self.seed = seed
        self.rng = random.Random("gen-corpus/%d" % seed)
        n_en = max(1, round(n_topics * 1050 / 2050)) if n_topics else 0
        self.n_en = min(n_en, n_topics)
        self.n_es = n_topics - self.n_en
        r = self.rng
        self.generated = "%02d/%02d/2026 %02d:%02d:%02d" % (r.randint(1, 12), r.randint(1, 28),
                                                             r.randint(0, 5), r.randint(0, 59), r.randint(0, 59))
        self.topics = []
        self._make_topics()

    # ---- titles -----------------------------------------------------------
    def _random_concept(self):
        r = self.rng
        x = r.random()
        body = r.choice(BODY_PARTS)[0]
        cond = r.choice(CONDITIONS)[0]
        if x < 0.28:
            return ("A", body, None, cond, None, None, None)
        if x < 0.66:
            return ("B", body, None, cond, r.choice(MODIFIERS)[0], None, None)
        if x < 0.83:
            return ("C", body, None, cond, None, r.choice(POPULATIONS)[0], None)
        if x < 0.86:
            other = r.choice(BODY_PARTS)[0]
            if other == body:
                return None
            return ("D", body, other, cond, None, None, None)
        if x < 0.91:
            return ("E", None, None, r.choice(EPONYM_CONDITIONS)[0], None, None, r.choice(SURNAMES))
        return ("F", body, None, cond, r.choice(MODIFIERS)[0], r.choice(POPULATIONS)[0], None)

    @staticmethod
    def _english_title(c):
        kind, body, other, cond, mod, pop, name = c
        if kind == "A":
            return "%s %s" % (body, cond)
        if kind == "B":
            return "%s %s %s" % (mod, body, cond)
        if kind == "C":
            return "%s %s %s" % (body, cond, pop)
        if kind == "D":
            return "%s & %s %s" % (body, other, cond)
        if kind == "E":
            return "%s's %s" % (name, cond)
        return "%s %s %s %s" % (mod, body, cond, pop)

    @staticmethod
    def _spanish_title(c):
        kind, body, other, cond, mod, pop, name = c
        _, es_cond, gender, plural, _ = COND_BY_NAME[cond]
        where = with_de(BODY_BY_NAME[body][1]) if body else ""
        adj = ""
        if mod:
            m = MOD_BY_NAME[mod]
            adj = m[1 + (1 if gender == "f" else 0) + (2 if plural else 0)]
        if kind == "A":
            return "%s %s" % (es_cond, where)
        if kind == "B":
            return "%s %s %s" % (es_cond, where, adj)
        if kind == "C":
            return "%s %s %s" % (es_cond, where, POP_BY_NAME[pop][1])
        if kind == "D":
            return "%s %s y %s" % (es_cond, where, with_de(BODY_BY_NAME[other][1]))
        if kind == "E":
            return "%s de %s" % (es_cond, name)
        return "%s %s %s %s" % (es_cond, where, adj, POP_BY_NAME[pop][1])

    def _make_topics(self):
        r = self.rng
        seen_en, seen_es = set(), set()
        concepts = []
        for c in ANCHOR_CONCEPTS:
            if len(concepts) >= self.n_en:
                break
            concepts.append(c)
            seen_en.add(self._english_title(c))
        numbers = [None] * len(concepts)
        misses = 0
        while len(concepts) < self.n_en:
            c = self._random_concept()
            if c is None:
                continue
            title = self._english_title(c)
            number = None
            if title in seen_en:
                misses += 1
                if misses < 2000:
                    continue
                # Vocabulary exhausted (very large --topics): number the title.
                number = len(concepts)
                title = "%s Type %d" % (title, number)
            seen_en.add(title)
            concepts.append(c)
            numbers.append(number)

        english = []
        for i, c in enumerate(concepts):
            title = self._english_title(c)
            if numbers[i] is not None:
                title = "%s Type %d" % (title, numbers[i])
            english.append(Topic(i, "English", title, c))
        spanish = []
        for i in range(self.n_es):
            c = concepts[i]
            title = capitalize_first(self._spanish_title(c))
            if numbers[i] is not None:
                title = "%s tipo %d" % (title, numbers[i])
            while title in seen_es or title in seen_en:
                title += " (variante)"
            seen_es.add(title)
            spanish.append(Topic(self.n_en + i, "Spanish", title, c))
        self.topics = english + spanish

        # Ids: small unique integers, plus a reserve for dangling references.
        total = len(self.topics)
        space = range(1, max(9000, 4 * total + 100))
        ids = r.sample(space, total + 8)
        for t, i in zip(self.topics, ids):
            t.id = i
        self.missing_ids = ids[total:]

        used = set()
        for t in english:
            slug = url_slug(t.title, "")
            while slug in used:
                slug += "x"
            used.add(slug)
            t.slug = slug
            t.url = MEDLINEPLUS + slug + ".html"
        for i, t in enumerate(spanish):
            partner = english[i]
            t.slug = partner.slug
            t.url = MEDLINEPLUS + "spanish/" + partner.slug + ".html"
            t.pair = partner
            partner.pair = t
        # A few English-only topics point at a Spanish page missing from the file.
        unpaired = [t for t in english if t.pair is None]
        for k, t in enumerate(unpaired[:3]):
            t.dangling_pair = self.missing_ids[k]

        for t in self.topics:
            kind, body, other, cond, mod, pop, name = t.concept
            if t.spanish:
                t.core_en = None
                es_cond = COND_BY_NAME[cond][1].lower()
                t.core_es = "%s %s" % (es_cond, with_de(BODY_BY_NAME[body][1])) if body else t.title.lower()
            else:
                t.core_en = ("%s %s" % (body, cond)) if body else "%s's %s" % (name, cond)
                t.core_es = None

        self.order = sorted(self.topics, key=lambda t: (t.title.casefold(), t.title))
        self.english = english
        self.spanish = spanish
        self.by_body = {}
        for t in self.topics:
            self.by_body.setdefault((t.lang, t.concept[1]), []).append(t)

    # ---- filler text ------------------------------------------------------
    def _topic_words(self, t):
        kind, body, other, cond, mod, pop, name = t.concept
        if t.spanish:
            words = []
            if body:
                words.append(BODY_BY_NAME[body][1])
            c = COND_BY_NAME[cond]
            art = ("las" if c[3] else "la") if c[2] == "f" else ("los" if c[3] else "el")
            words.append("%s %s" % (art, c[1].lower()))
            return words
        words = [cond.lower()]
        if body:
            words.append(body.lower())
        if other:
            words.append(other.lower())
        return words

    def _en_noun(self, rng, own):
        x = rng.random()
        if x < 0.16:
            return rng.choice(own)
        if x < 0.26:
            return rng.choice(BODY_PARTS)[0].lower()
        return rng.choice(EN_FILLER_NOUNS)

    def _en_sentence(self, rng, own):
        n = lambda: self._en_noun(rng, own)
        a = lambda: rng.choice(EN_ADJECTIVES)
        v = lambda: rng.choice(EN_VERBS)
        k = rng.randrange(6)
        if k == 0:
            s = "the %s %s %s %s" % (a(), n(), v(), rng.choice(EN_ADVERBS))
        elif k == 1:
            adj = a()
            s = "%s %s %s %s the %s %s the %s" % ("an" if adj[0] in "aeiou" else "a", adj, n(), v(), n(),
                                                 rng.choice(EN_PREPOSITIONS), n())
        elif k == 2:
            s = "%s and %s %s %s %s the %s %s" % (n(), n(), plural_verb(v()), rng.choice(EN_ADVERBS),
                                                   rng.choice(EN_PREPOSITIONS), a(), n())
        elif k == 3:
            s = "sometimes the %s %s the %s, and the %s %s %s %s" % (n(), v(), n(), a(), n(), v(),
                                                                    rng.choice(EN_ADVERBS))
        elif k == 4:
            s = "nobody knows why the %s %s %s %s the %s %s" % (a(), n(), v(), rng.choice(EN_PREPOSITIONS),
                                                                a(), n())
        else:
            s = "filler list: %s, %s, %s and %s" % (n(), n(), n(), n())
        return capitalize_first(s) + "."

    def _es_noun(self, rng, own):
        """Return (gender, phrase with article)."""
        x = rng.random()
        if x < 0.16:
            p = rng.choice(own)
        elif x < 0.26:
            p = rng.choice(BODY_PARTS)[1]
        else:
            g, w = rng.choice(ES_FILLER_NOUNS)
            return g, ("el " if g == "m" else "la ") + w
        return ("f" if p.startswith("la") else "m"), p

    def _es_sentence(self, rng, own):
        def n():
            return self._es_noun(rng, own)

        def adj(g):
            pair = rng.choice(ES_ADJECTIVES)
            return pair[1] if g == "f" else pair[0]

        k = rng.randrange(5)
        if k == 0:
            g, p = n()
            s = "%s %s %s %s" % (p, adj(g), rng.choice(ES_VERBS), rng.choice(ES_ADVERBS))
        elif k == 1:
            g, p = n()
            prep = rng.choice(ES_PREPOSITIONS)
            tail = n()[1]
            if prep.endswith(" de"):
                tail = prep[:-3] + " " + with_de(tail)
            elif prep == "junto a":
                tail = "junto " + with_a(tail)
            else:
                tail = prep + " " + tail
            s = "%s %s %s %s %s" % (p, adj(g), rng.choice(ES_VERBS), n()[1], tail)
        elif k == 2:
            s = "%s y %s %sn %s" % (n()[1], n()[1], rng.choice(ES_VERBS), rng.choice(ES_ADVERBS))
        elif k == 3:
            g, p = n()
            s = "a veces %s %s %s y %s %s" % (p, rng.choice(ES_VERBS), rng.choice(ES_ADVERBS), n()[1],
                                              rng.choice(ES_VERBS))
        else:
            s = "lista de relleno: %s, %s, %s y %s" % (n()[1], n()[1], n()[1], n()[1])
        return capitalize_first(s) + "."

    def sentence(self, rng, t, own=None):
        own = own or self._topic_words(t)
        return self._es_sentence(rng, own) if t.spanish else self._en_sentence(rng, own)

    def phrase(self, rng, t, lo, hi):
        """A short title-like phrase of filler words (no final period)."""
        own = self._topic_words(t)
        words = []
        for _ in range(rng.randint(lo, hi)):
            if t.spanish:
                x = rng.random()
                if x < 0.3:
                    words.append(rng.choice(own))
                elif x < 0.55:
                    words.append(rng.choice(ES_ADJECTIVES)[0])
                else:
                    words.append(rng.choice(ES_FILLER_NOUNS)[1])
            else:
                x = rng.random()
                if x < 0.3:
                    words.append(rng.choice(own))
                elif x < 0.55:
                    words.append(rng.choice(EN_ADJECTIVES))
                else:
                    words.append(rng.choice(EN_FILLER_NOUNS))
        return capitalize_first(" ".join(words))

    # ---- summaries --------------------------------------------------------
    def _link(self, rng, t):
        pool = self.spanish if t.spanish else self.english
        x = rng.random()
        if x < 0.06:
            num = "%06d" % rng.randint(1, 8000)
            url = MEDLINEPLUS + ("spanish/ency/article/" if t.spanish else "ency/article/") + num + ".htm"
            text = self.phrase(rng, t, 1, 3).lower()
        elif x < 0.09:
            text = self.phrase(rng, t, 1, 3).lower()
            url = MEDLINEPLUS + ("spanish/pruebas-de-laboratorio/" if t.spanish else "lab-tests/") + \
                url_slug(text) + "/"
        elif x < 0.105 or not pool:
            text = self.phrase(rng, t, 2, 3).lower()
            url = MEDLINEPLUS + ("spanish/" if t.spanish else "") + url_slug(text, "") + "zz.html"
        else:
            o = rng.choice(pool)
            url, text = o.url, o.title.lower()
        quote = "'" if rng.random() < 0.1 else '"'
        return "<a href=%s%s%s>%s</a>" % (quote, html_text(url), quote, html_text(text))

    def _paragraph(self, rng, t, own, links):
        parts = []
        for _ in range(rng.randint(1, 4)):
            s = self.sentence(rng, t, own)
            if rng.random() < 0.08:
                w = s.split(" ")
                i = rng.randrange(len(w))
                w[i] = ("<em>%s</em>" if rng.random() < 0.5 else "<strong>%s</strong>") % w[i]
                s = " ".join(w)
            parts.append(s)
        if links and rng.random() < 0.55:
            i = rng.randrange(len(parts))
            glue = " Vea también " if t.spanish else " See also "
            parts[i] = parts[i] + glue + self._link(rng, t) + "."
        return " ".join(parts)

    def _list(self, rng, t, own, depth=0):
        items = []
        for _ in range(rng.randint(2, 6)):
            s = self.sentence(rng, t, own)[:-1]
            if rng.random() < 0.18:
                s = self._link(rng, t) + (": " if rng.random() < 0.5 else " ") + s[:1].lower() + s[1:]
            if depth == 0 and rng.random() < 0.04:
                s += "\n" + self._list(rng, t, own, 1)
            items.append("<li>%s</li>" % s)
        return "<ul>\n" + "\n".join(items) + "\n</ul>"

    def summary(self, rng, t):
        own = self._topic_words(t)
        long_form = rng.random() < 0.045
        target = rng.randint(2000, 4600) if long_form else min(1650, max(110, int(rng.gauss(525, 240))))
        name = html_text(t.title)
        if t.spanish:
            opening = "<strong>%s</strong> es texto de relleno para pruebas." % name
        else:
            opening = "<strong>%s</strong> is placeholder text for testing." % name
        blocks = []
        size = 0
        questions = list(ES_QUESTIONS if t.spanish else EN_QUESTIONS)
        low_title = html_text(t.title.lower())
        if long_form:
            blocks.append("<h3>%s</h3>" % questions.pop(0).format(t=low_title))
        first = "<p>%s %s</p>" % (opening, self._paragraph(rng, t, own, True))
        blocks.append(first)
        size = sum(len(b) for b in blocks)
        after_heading = False
        while size < target or after_heading:
            if long_form and questions and not after_heading and rng.random() < 0.35:
                b = "<h3>%s</h3>" % questions.pop(0).format(t=low_title)
                after_heading = True
            elif rng.random() < 0.25:
                b = self._list(rng, t, own)
            else:
                b = "<p>%s</p>" % self._paragraph(rng, t, own, True)
            if not b.startswith("<h3>"):
                after_heading = False
            blocks.append(b)
            size += len(b) + 2
        x = rng.random()
        if x < 0.015 and len(blocks) > 1:
            blocks[-1] = blocks[-1][3:-4] if blocks[-1].startswith("<p>") else blocks[-1]  # lost its <p>
        elif x < 0.04:
            blocks[-1] = blocks[-1] + "\t "
        y = rng.random()
        if y < 0.86:
            inst = INSTITUTES[BODY_BY_NAME[t.concept[1]][3]] if t.concept[1] else INSTITUTES["NIDDK"]
            if rng.random() < 0.25:
                who = rng.choice(ATTRIBUTIONS_EXTRA)[1 if t.spanish else 0]
            else:
                who = "NIH: " + (inst[2] if t.spanish else inst[1])
            z = rng.random()
            cls = ' class="attribution"' if z < 0.5 else (' class=""' if z < 0.95 else
                                                          ' style="font-weight:bold;font-style:italic;"')
            blocks.append("<p%s>%s</p>" % (cls, html_text(who)))
        if rng.random() < 0.02:
            blocks.append("<p></p>")
        return "\n\n".join(blocks)

    # ---- sites ------------------------------------------------------------
    def _site(self, rng, t):
        es = t.spanish
        kind = (ES_SITE_KIND if es else EN_SITE_KIND)(rng)
        lmu = None
        orgs, badges = [], []
        if kind == "ency":                                      # MedlinePlus encyclopedia
            folder = "ency/article/" if rng.random() < 0.8 else "ency/patientinstructions/"
            num = "%06d" % rng.randint(1, 8000)
            here, there = ("spanish/" + folder, folder) if es else (folder, "spanish/" + folder)
            url, lmu = MEDLINEPLUS + here + num + ".htm", MEDLINEPLUS + there + num + ".htm"
            if rng.random() < 0.12:
                lmu = None
            title = t.title if rng.random() < 0.06 else self.phrase(rng, t, 1, 4)
            if rng.random() < 0.15:
                title += " - " + ("niños" if es else "children")
            if es:
                cats = [ES_CATEGORY(rng), "Spanish/Español"]
                if rng.random() < 0.55:
                    cats.append("NON-DISPLAY (Patient Handout)")
                org = "Enciclopedia médica"
            else:
                y = rng.random()
                cats = ["Encyclopedia"] if y < 0.45 else ["Patient Handouts"] if y < 0.75 else \
                    ["Patient Handouts", "Encyclopedia"] if y < 0.9 else [EN_CATEGORY(rng), "Encyclopedia"]
                org = "Medical Encyclopedia"
            if rng.random() < 0.9:
                orgs.append(org)
        elif kind == "pubmed":                                  # PubMed search
            term = t.core_en or t.title
            words = "+".join(url_slug(term, " ").split())
            years = rng.choice(["last+1+Year", "last+2+Years", "last+5+Years"])
            url = ("https://pubmed.ncbi.nlm.nih.gov/?term=%%22%s%%22%%5Bmajr%%3Anoexp%%5D+AND+humans%%5Bmh%%5D+AND+"
                   "english%%5Bla%%5D+AND+%%22%s%%22+%%5Bdp%%5D+NOT+%%28letter%%5Bpt%%5D+OR+comment%%5Bpt%%5D%%29"
                   "&sort=date&filter=simsearch2.ffrft&size=20" % (words, years))
            title = capitalize_first(term.lower()) if rng.random() < 0.5 else self.phrase(rng, t, 2, 5)
            cats = ["Journal Articles"]
        elif kind == "trials":                                  # ClinicalTrials.gov search
            term = t.core_en or (t.pair.core_en if t.pair else t.title)
            url = "https://clinicaltrials.gov/search?cond=%%22%s%%22&aggFilters=status:not%%20rec" % \
                "+".join(url_slug(term, " ").split())
            title = "ClinicalTrials.gov: " + term
            cats = ["Estadísticas e investigación" if es else "Clinical Trials"]
            orgs.append("Institutos Nacionales de la Salud" if es else "National Institutes of Health")
            badges.append("NIH")
        elif kind == "medlineplus":                             # another MedlinePlus page
            title = self.phrase(rng, t, 2, 4)
            if rng.random() < 0.3:
                path = ("spanish/genetica/afeccion/" if es else "genetics/condition/") + url_slug(title) + "/"
                other = ("genetics/condition/" if es else "spanish/genetica/afeccion/") + url_slug(title) + "/"
                cats = ["Asuntos relacionados" if es else "Genetics"]
            else:
                path = ("spanish/pruebas-de-laboratorio/" if es else "lab-tests/") + url_slug(title) + "/"
                other = ("lab-tests/" if es else "spanish/pruebas-de-laboratorio/") + url_slug(title) + "/"
                cats = ["Diagnóstico y exámenes" if es else "Diagnosis and Tests"]
            url, lmu = MEDLINEPLUS + path, MEDLINEPLUS + other
            orgs.append("Biblioteca Nacional de Medicina" if es else "National Library of Medicine")
            badges.append("NIH")
        else:                                                   # publisher page
            pub = rng.choice(PUBLISHERS)
            if es and pub[3] is None:
                pub = PUBLISHERS[0]
            title = self.phrase(rng, t, 2, 7)
            y = rng.random()
            if y < 0.06:
                title += " (For Parents)" if not es else " (para padres)"
            elif y < 0.09:
                title = ("Q&A: " if not es else "Preguntas y respuestas: ") + title
            elif y < 0.11:
                title += ": What's It Mean?" if not es else ": ¿Qué significa?"
            slug = url_slug(title)[:70].strip("-")
            num = "%08d" % rng.randint(20000000, 20499999)
            en_url = pub[2].format(s=slug, n=num)
            es_url = pub[3].format(s=slug, n=num) if pub[3] else None
            if es:
                if rng.random() < 0.05:
                    es_url = es_url.replace(slug, slug.replace("-", "%C3%B3-", 1), 1)
                url, lmu = es_url, (en_url if rng.random() < 0.6 else None)
            else:
                url, lmu = en_url, (es_url if es_url and rng.random() < 0.4 else None)
            cats = [(ES_CATEGORY if es else EN_CATEGORY)(rng)]
            if rng.random() < 0.1:
                extra = (ES_CATEGORY if es else EN_CATEGORY)(rng)
                if extra not in cats:
                    cats.append(extra)
            if es:
                cats.append("Spanish/Español")
            if rng.random() < 0.005:
                cats.append(rng.choice(UNKNOWN_CATEGORIES))
            if rng.random() < 0.96:
                orgs.append(pub[1] if es else pub[0])
                if rng.random() < 0.06:
                    orgs.append(rng.choice(PUBLISHERS)[1 if es else 0])
            if pub[4]:
                badges.append("NIH")
            if rng.random() < 0.22:
                b = rng.choice(ES_BADGES if es else EN_BADGES)
                if b not in badges:
                    badges.append(b)
        if es and "Spanish/Español" not in cats and rng.random() < 0.85:
            cats.append("Spanish/Español")
        out = ["<site title=", xml_attr(title), " url=", xml_attr(url)]
        if lmu:
            out += [" language-mapped-url=", xml_attr(lmu)]
        out.append(">\n")
        for c in cats:
            out += ["<information-category>", xml_text(c), "</information-category>\n"]
        for o in orgs:
            out += ["<organization>", xml_text(o), "</organization>\n"]
        for b in badges:
            out += ["<standard-description>", xml_text(b), "</standard-description>\n"]
        out.append("</site>\n")
        return "".join(out)

    # ---- one topic --------------------------------------------------------
    def _groups_for(self, t, rng):
        kind, body, other, cond, mod, pop, name = t.concept
        wanted = []
        for g in (BODY_BY_NAME[body][2] if body else 0, COND_BY_NAME[cond][4],
                  POP_BY_NAME[pop][2] if pop else 0, MOD_BY_NAME[mod][5] if mod else 0):
            if g and g not in wanted:
                wanted.append(g)
        x = rng.random()
        count = 1 if x < 0.33 else 2 if x < 0.83 else 3
        while len(wanted) < count:
            g = rng.choice(GROUPS_WITH_SPANISH)
            if g not in wanted:
                wanted.append(g)
        wanted = wanted[:count]
        if t.spanish:
            # Spanish groups share ids with the English ones; not all have a Spanish twin.
            wanted = [g for g in wanted if GROUPS[g][2]]
            while len(wanted) < count:
                g = rng.choice(GROUPS_WITH_SPANISH)
                if g not in wanted:
                    wanted.append(g)
        return sorted(wanted)

    def render_topic(self, t):
        # Each topic has its own random stream, so topics do not depend on
        # each other and a malformed variant differs only where it must.
        base = t.pair if t.spanish else t
        rng = random.Random("%d/%s/%d" % (self.seed, t.lang, base.index))
        es = t.spanish
        out = ["<health-topic"]
        if rng.random() < 0.94:
            desc = " ".join(self.sentence(rng, t) for _ in range(2))[:199]
            if rng.random() < 0.3:
                desc = desc.rstrip() + " "
            out += [" meta-desc=", xml_attr(desc)]
        out += [" title=", xml_attr(t.title), " url=", xml_attr(t.url), ' id="%d"' % t.id,
                ' language="%s"' % t.lang]
        if rng.random() < 0.98:
            out.append(' date-created="%02d/%02d/%04d"' % (rng.randint(1, 12), rng.randint(1, 28),
                                                           rng.randint(1998, 2025)))
        out.append(">\n")

        # also-called
        for _ in range(rng.choice((0, 0, 0, 1, 1, 2, 3))):
            y = rng.random()
            words = t.title.replace("&", "").replace("'s", "").split()
            if y < 0.3 and len(words) >= 2:
                ac = "".join(w[0] for w in words if w[0].isalpha()).upper()
            elif y < 0.45:
                ac = '"%s" %s' % (self.phrase(rng, t, 1, 1), self.phrase(rng, t, 1, 2).lower())
            else:
                ac = self.phrase(rng, t, 2, 4)
            out += ["<also-called>", xml_text(ac), "</also-called>\n"]

        out += ["<full-summary>", xml_text(self.summary(rng, t)), "</full-summary>\n"]

        for g in self._groups_for(t, rng):
            slug, en, es_name = GROUPS[g]
            url = MEDLINEPLUS + ("spanish/" if es else "") + slug + ".html"
            out += ["<group url=", xml_attr(url), ' id="%d">' % g, xml_text(es_name if es else en), "</group>\n"]

        if t.pair is not None:
            p = t.pair
            out += ["<language-mapped-topic url=", xml_attr(p.url), ' id="%d" language="%s">' % (p.id, p.lang),
                    xml_text(p.title), "</language-mapped-topic>\n"]
        elif t.dangling_pair:
            out += ["<language-mapped-topic url=", xml_attr(MEDLINEPLUS + "spanish/" + t.slug + ".html"),
                    ' id="%d" language="Spanish">' % t.dangling_pair,
                    xml_text(self.phrase(rng, t, 2, 3)), "</language-mapped-topic>\n"]

        if (not es and rng.random() < 0.78) or (es and rng.random() < 0.08):
            descriptors = [t.core_en or (t.pair.core_en if t.pair else t.title)]
            if not es and rng.random() < 0.3:
                descriptors.append(self.phrase(rng, t, 1, 3))
            for d in descriptors:
                d = capitalize_first(d)
                out += ["<mesh-heading>\n", '<descriptor id="D%06d">' % (zlib.crc32(d.encode()) % 1000000),
                        xml_text(d), "</descriptor>\n"]
                if rng.random() < 0.15:
                    q = rng.choice(MESH_QUALIFIERS)
                    out += ['<qualifier id="%s">' % q[0], xml_text(q[1]), "</qualifier>\n"]
                out.append("</mesh-heading>\n")

        if not es:
            if t.pair is not None or t.dangling_pair:
                spanish_url = MEDLINEPLUS + "spanish/" + t.slug + ".html"
                out += ['<other-language vernacular-name="español" url=', xml_attr(spanish_url),
                        ">Spanish</other-language>\n"]
            if rng.random() < 0.4:
                for vern, lang in rng.sample(OTHER_LANGUAGES, rng.randint(1, 6)):
                    url = MEDLINEPLUS + "languages/" + t.slug + ".html#" + lang
                    out += ["<other-language vernacular-name=", xml_attr(vern), " url=", xml_attr(url), ">",
                            xml_text(lang), "</other-language>\n"]

        if rng.random() < 0.72:
            abbr = BODY_BY_NAME[t.concept[1]][3] if t.concept[1] else rng.choice(sorted(INSTITUTES))
            home, en_name, es_name = INSTITUTES[abbr]
            if es:
                out += ["<primary-institute url=", xml_attr(MEDLINEPLUS + "spanish/nihinstitutes.html#" + abbr),
                        ">", xml_text(es_name), "</primary-institute>\n"]
            else:
                out += ["<primary-institute url=", xml_attr(home), ">", xml_text(en_name), "</primary-institute>\n"]

        same_body = self.by_body.get((t.lang, t.concept[1]), [])
        pool = self.spanish if es else self.english
        chosen = []
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3, 4, 5))):
            cands = same_body if same_body and rng.random() < 0.6 else pool
            o = rng.choice(cands)
            if o is not t and o not in chosen:
                chosen.append(o)
        chosen.sort(key=lambda o: o.title.casefold())
        for o in chosen:
            out += ["<related-topic url=", xml_attr(o.url), ' id="%d">' % o.id, xml_text(o.title),
                    "</related-topic>\n"]
        if rng.random() < 0.012:
            ghost = self.phrase(rng, t, 2, 3)
            url = MEDLINEPLUS + ("spanish/" if es else "") + url_slug(ghost, "") + "zz.html"
            out += ["<related-topic url=", xml_attr(url), ' id="%d">' % self.missing_ids[5], xml_text(ghost),
                    "</related-topic>\n"]

        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            kind, body, other, cond, mod, pop, name = t.concept
            if body and rng.random() < 0.5:
                if es:
                    ref = "%s, %s" % (capitalize_first(ascii_fold(BODY_BY_NAME[body][1].split(" ", 1)[1])
                                                       if rng.random() < 0.3 else
                                                       BODY_BY_NAME[body][1].split(" ", 1)[1]),
                                      COND_BY_NAME[cond][1].lower())
                else:
                    ref = "%s, %s" % (cond, body)
            else:
                ref = self.phrase(rng, t, 1, 3)
            out += ["<see-reference>", xml_text(ref), "</see-reference>\n"]

        n_sites = 5 + int(36 * rng.betavariate(2.0, 1.0))
        for _ in range(min(n_sites, 40)):
            out.append(self._site(rng, t))
        out.append("</health-topic>\n")
        return "".join(out)

    # ---- the document -----------------------------------------------------
    def prolog(self, doctype=DOCTYPE, encoding="UTF-8"):
        return '<?xml version="1.0" encoding="%s"?>\n%s\n%s' % (encoding, doctype, NOTICE)

    def root_open(self, total=None):
        return '<health-topics total="%d" date-generated="%s">\n' % (
            len(self.topics) if total is None else total, self.generated)

    ROOT_CLOSE = "</health-topics>\n"

    def topic_strings(self):
        return [self.render_topic(t) for t in self.order]

    def document(self):
        return self.prolog() + self.root_open() + "".join(self.topic_strings()) + self.ROOT_CLOSE

    def file_date(self):
        m, d, y = self.generated.split(" ")[0].split("/")
        return "%s-%s-%s" % (y, m, d)


# --------------------------------------------------------------------------
# Malformed and hostile variants.  Each takes a Corpus and returns bytes.

MALFORMED_KINDS = {}


def malformed(name, description):
    def register(fn):
        MALFORMED_KINDS[name] = (description, fn)
        return fn
    return register


def _victims(c, count=1, lang=None):
    """Positions (in title order) of topics to tamper with, from the middle of the file."""
    n = len(c.order)
    picks = []
    for step in range(n):
        pos = (n // 2 + step * 7) % n
        if pos in picks:
            continue
        if lang and c.order[pos].lang != lang:
            continue
        picks.append(pos)
        if len(picks) == count:
            break
    if len(picks) < count:
        picks += [p for p in range(n) if p not in picks][:count - len(picks)]
    return picks


def _after(s, marker, insert):
    i = s.index(marker) + len(marker)
    return s[:i] + insert + s[i:]


def _assemble(c, topics, prolog=None, root=None):
    return ((prolog or c.prolog()) + (root or c.root_open()) + "".join(topics) + c.ROOT_CLOSE).encode("utf-8")


@malformed("truncated", "the document stops in the middle of a topic (inside a site's title attribute)")
def _truncated(c):
    parts = c.topic_strings()
    pos = max(0, len(parts) * 3 // 5)
    victim = parts[pos]
    at = victim.find("<site title=", len(victim) // 2)
    if at < 0:
        at = len(victim) // 2
    else:
        at += len('<site title="') + 4
    return (c.prolog() + c.root_open() + "".join(parts[:pos]) + victim[:at]).encode("utf-8")


@malformed("bad-utf8", "invalid UTF-8 byte sequences inside a title attribute")
def _bad_utf8(c):
    parts = c.topic_strings()
    pos = _victims(c)[0]
    t = c.order[pos]
    marker = "\u0001BAD\u0001"
    parts[pos] = parts[pos].replace(" title=" + xml_attr(t.title),
                                    " title=" + xml_attr(t.title[:3] + marker + t.title[3:]), 1)
    data = _assemble(c, parts)
    # C3 28: bad continuation; A0 A1: lone continuations; C0 AF: overlong '/';
    # ED A0 80: UTF-16 surrogate; F8 88 80 80 80: 5-byte form; FF FE; E2 82: cut short.
    return data.replace(marker.encode(), b"\xc3\x28 \xa0\xa1 \xc0\xaf \xed\xa0\x80 \xf8\x88\x80\x80\x80 "
                                         b"\xff\xfe \xe2\x82", 1)


@malformed("unescaped-lt", "a raw '<' inside a <full-summary> text (not well-formed)")
def _unescaped_lt(c):
    parts = c.topic_strings()
    pos = _victims(c)[0]
    parts[pos] = _after(parts[pos], "<full-summary>", "Filler value <3 and filler value < 7 are raw. ")
    return _assemble(c, parts)


@malformed("duplicate-ids", "two pairs of topics share an id: one within a language, one across (well-formed)")
def _duplicate_ids(c):
    parts = c.topic_strings()
    a, b = _victims(c, 2, "English")
    # a takes the id of another English topic; b takes the id of a Spanish topic.
    donor_same = c.english[(c.order[a].index + 1) % len(c.english)]
    donor_other = c.spanish[0] if c.spanish else c.english[0]
    for pos, donor in ((a, donor_same), (b, donor_other)):
        if donor is c.order[pos]:
            continue
        parts[pos] = parts[pos].replace(' id="%d"' % c.order[pos].id, ' id="%d"' % donor.id, 1)
    return _assemble(c, parts)


@malformed("missing-attrs", "one topic without id and url, another without title (well-formed)")
def _missing_attrs(c):
    parts = c.topic_strings()
    a, b = _victims(c, 2)
    ta, tb = c.order[a], c.order[b]
    parts[a] = parts[a].replace(' id="%d"' % ta.id, "", 1).replace(" url=" + xml_attr(ta.url), "", 1)
    parts[b] = parts[b].replace(" title=" + xml_attr(tb.title), "", 1)
    return _assemble(c, parts)


@malformed("billion-laughs", "internal DTD subset with exponential entity expansion, used in a title and a summary")
def _billion_laughs(c):
    ents = ['<!ENTITY ha "ha!">']
    prev = "ha"
    for level in range(1, 10):
        name = "ha%d" % level
        ents.append('<!ENTITY %s "%s">' % (name, ("&%s;" % prev) * 10))
        prev = name
    doctype = DOCTYPE[:-1] + " [\n" + "\n".join(ents) + "\n]>"
    parts = c.topic_strings()
    a, b = _victims(c, 2)
    ta = c.order[a]
    parts[a] = parts[a].replace(" title=" + xml_attr(ta.title), ' title="%s &%s;"' % (xml_text(ta.title), prev), 1)
    parts[b] = _after(parts[b], "<full-summary>", "&%s;" % prev)
    return _assemble(c, parts, prolog=c.prolog(doctype))


@malformed("xxe", "external entity SYSTEM \"file:///etc/passwd\" referenced in a summary")
def _xxe(c):
    doctype = DOCTYPE[:-1] + ' [\n<!ENTITY passwd SYSTEM "file:///etc/passwd">\n]>'
    parts = c.topic_strings()
    pos = _victims(c)[0]
    parts[pos] = _after(parts[pos], "<full-summary>", "&lt;p&gt;&passwd;&lt;/p&gt;")
    return _assemble(c, parts, prolog=c.prolog(doctype))


SCRIPT_PAYLOAD = (
    '<p>Intro.<script>alert("summary script")</script></p>\n'
    '<p><img src="x" onerror="alert(1)"> <b onmouseover="alert(2)">hover</b> '
    '<span ONCLICK=\'alert(3)\'>upper-case handler</span></p>\n'
    '<iframe src="https://example.invalid/frame" srcdoc="&lt;script&gt;alert(4)&lt;/script&gt;"></iframe>\n'
    '<p style="position:fixed;top:0;left:0;width:100%;height:100%;background:url(javascript:alert(5))">overlay</p>\n'
    '<p><a href="javascript:alert(6)">js link</a> <a href=" JaVaScRiPt:alert(7)">mixed case</a> '
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==">data link</a> '
    '<a href="vbscript:msgbox(9)">vbscript</a> <a href="java&#x09;script:alert(10)">tab</a></p>\n'
    '<svg onload="alert(11)"><circle r="1"/></svg>'
    '<object data="https://example.invalid/x.swf"></object><embed src="x.swf">'
    '<form action="https://example.invalid/steal"><input name="password" type="password"><button>Go</button></form>\n'
    '<math><mtext><style><img src=x onerror=alert(12)></style></mtext></math>\n'
    '<p onclick="alert(13)">After.</p>\n')


@malformed("script", "script, on*= handlers, iframe, style, javascript:/data: links, svg, object, form in summaries"
                     " (escaped, as real summaries are), and <script> in a title")
def _script(c):
    parts = c.topic_strings()
    a, b = _victims(c, 2)
    tail = xml_text('<p><a href="javascript:alert(14)">tail</a></p>')
    for pos in (a, b):
        s = _after(parts[pos], "<full-summary>", xml_text(SCRIPT_PAYLOAD))
        parts[pos] = s.replace("</full-summary>", tail + "</full-summary>", 1)
    ta = c.order[a]
    evil_title = ta.title + " <script>alert('title')</script>"
    parts[a] = parts[a].replace(" title=" + xml_attr(ta.title), " title=" + xml_attr(evil_title), 1)
    parts[a] = parts[a].replace("<site title=", "<site title=" + xml_attr('<img src=x onerror="alert(15)">')
                                + " data-was=", 1)
    parts[a] = _after(parts[a], ">\n", "<also-called>" + xml_text('"><script>alert(16)</script>') + "</also-called>\n")
    return _assemble(c, parts)


@malformed("javascript-url", "javascript:/data:/vbscript: URLs (mixed case, leading spaces, tab or newline inside the"
                             " scheme, character references) in site url and language-mapped-url, related-topic,"
                             " group, language-mapped-topic, other-language and primary-institute url attributes")
def _javascript_url(c):
    parts = c.topic_strings()
    pos = _victims(c, 1, "English")[0]
    s = parts[pos]
    bad_sites = [
        ("javascript:alert(document.cookie)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
        ("  JaVaScRiPt:alert(2)", None),
        ("java&#x09;script:alert(3)", "java&#x0A;script:alert(4)"),
        ("&#x20;&#106;avascript:alert(5)", None),
        ("&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(6)", None),
        ("DATA:text/html,%3Cscript%3Ealert(7)%3C/script%3E", " vbscript:msgbox(8)"),
        ("javascript://medlineplus.gov/%0Aalert(9)", None),
    ]
    block = []
    for url, lmu in bad_sites:
        block.append('<site title="Harmless-looking link" url="%s"%s>\n'
                     "<information-category>Start Here</information-category>\n"
                     "<organization>Example Org</organization>\n</site>\n"
                     % (url, (' language-mapped-url="%s"' % lmu) if lmu else ""))
    i = s.index("<site ")
    s = s[:i] + "".join(block) + s[i:]
    s = s.replace('<group url="', '<group url="JAVASCRIPT:alert(10)" data-was="', 1)
    i = s.index("<see-reference>") if "<see-reference>" in s else s.index("<site ")
    s = s[:i] + ('<related-topic url=" javascript:alert(11)" id="%d">Harmless Related Topic</related-topic>\n'
                 % c.missing_ids[6]) + s[i:]
    s = s.replace("<language-mapped-topic url=", '<language-mapped-topic url="data:text/html,hi" data-was=', 1)
    i = s.find("<other-language ")
    if i >= 0:
        j = s.index(" url=", i) + len(" url=")
        k = s.index('"', j + 1) + 1
        s = s[:j] + '"jAvAsCrIpT&#x3A;alert(12)"' + s[k:]
    s = s.replace("<primary-institute url=", '<primary-institute url="javascript:alert(13)" data-was=', 1)
    parts[pos] = s
    return _assemble(c, parts)


@malformed("empty", "a zero-byte file")
def _empty(c):
    return b""


@malformed("wrong-root", "a well-formed topic-group file (root <health-topic-groups>) instead of a topics file")
def _wrong_root(c):
    rows = []
    for gid in sorted(GROUPS):
        slug, en, es = GROUPS[gid]
        rows.append('<group language="English" id="%d" url="%s%s.html">%s</group>\n' % (gid, MEDLINEPLUS, slug,
                                                                                      xml_text(en)))
        if es:
            rows.append('<group language="Spanish" id="%d" url="%sspanish/%s.html">%s</group>\n'
                        % (gid, MEDLINEPLUS, slug, xml_text(es)))
    n_es = len(GROUPS_WITH_SPANISH)
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n' + NOTICE +
            '<health-topic-groups total="%d" total-english="%d" total-spanish="%d" date-generated="%s">\n'
            % (len(GROUPS) + n_es, len(GROUPS), n_es, c.generated) + "".join(rows) + "</health-topic-groups>\n")
    return text.encode("utf-8")


@malformed("not-xml", "binary data: a PNG signature followed by noise")
def _not_xml(c):
    rng = random.Random("not-xml/%d" % c.seed)
    noise = bytes(rng.getrandbits(8) for _ in range(8192))
    ihdr = b"IHDR" + (640).to_bytes(4, "big") + (480).to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"
    return (b"\x89PNG\r\n\x1a\n" + (13).to_bytes(4, "big") + ihdr +
            zlib.crc32(ihdr).to_bytes(4, "big") + noise)


@malformed("zip", "a ZIP archive holding one valid mplus_topics_YYYY-MM-DD.xml entry, as NLM publishes")
def _zip(c):
    buf = io.BytesIO()
    y, m, d = (int(x) for x in c.file_date().split("-"))
    info = zipfile.ZipInfo("mplus_topics_%s.xml" % c.file_date(), date_time=(y, m, d, 2, 30, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = 0o644 << 16
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(info, c.document().encode("utf-8"))
    return buf.getvalue()


DEPTH = 100000


@malformed("deep-nesting", "well-formed, but elements nested %d deep inside an unknown element and inside a"
                           " full-summary" % DEPTH)
def _deep_nesting(c):
    parts = c.topic_strings()
    a, b = _victims(c, 2)
    deep = "<nested-extension>" + "<level>" * DEPTH + "bottom" + "</level>" * DEPTH + "</nested-extension>\n"
    i = parts[a].index("<site ") if "<site " in parts[a] else parts[a].index("</health-topic>")
    parts[a] = parts[a][:i] + deep + parts[a][i:]
    parts[b] = parts[b].replace("</full-summary>", "<div>" * DEPTH + "deep" + "</div>" * DEPTH + "</full-summary>", 1)
    return _assemble(c, parts)


@malformed("no-topics", "a valid header and root (total=\"0\") with no topics at all")
def _no_topics(c):
    return (c.prolog() + c.root_open(0) + c.ROOT_CLOSE).encode("utf-8")


HUGE_TEXT = 20 * 1024 * 1024


@malformed("huge-text", "one <also-called> text node of about 20 MB")
def _huge_text(c):
    parts = c.topic_strings()
    pos = _victims(c)[0]
    unit = "filler lantern pebble ñandú kettle "
    text = unit * (HUGE_TEXT // len(unit.encode("utf-8")) + 1)
    parts[pos] = _after(parts[pos], ">\n", "<also-called>" + text + "</also-called>\n")
    return _assemble(c, parts)


@malformed("gzip", "the valid corpus, gzip-compressed")
def _gzip(c):
    return gzip.compress(c.document().encode("utf-8"), compresslevel=6, mtime=0)


@malformed("utf16", "the valid corpus encoded as UTF-16LE with a BOM and encoding=\"UTF-16\" (valid XML)")
def _utf16(c):
    text = c.prolog(encoding="UTF-16") + c.root_open() + "".join(c.topic_strings()) + c.ROOT_CLOSE
    return b"\xff\xfe" + text.encode("utf-16-le")


@malformed("bom", "a UTF-8 byte-order mark followed by the valid corpus (valid XML)")
def _bom(c):
    return b"\xef\xbb\xbf" + c.document().encode("utf-8")


# --------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Write a synthetic MedlinePlus-format health-topic corpus (test data, not health information).",
        epilog="malformed kinds:\n" + "".join("  %-15s %s\n" % (k, v[0]) for k, v in MALFORMED_KINDS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--topics", type=int, default=2050, metavar="N",
                    help="number of topics, English + Spanish (default 2050)")
    ap.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    ap.add_argument("--out", default="mplus_topics_synthetic.xml", metavar="FILE",
                    help="output file, '-' for standard output (default mplus_topics_synthetic.xml)")
    ap.add_argument("--malformed", metavar="KIND", help="write a broken or hostile variant (see --list-malformed)")
    ap.add_argument("--list-malformed", action="store_true", help="print the malformed kinds and exit")
    ap.add_argument("--quiet", action="store_true", help="do not print the summary line")
    args = ap.parse_args(argv)

    if args.list_malformed:
        sys.stdout.write("".join(k + "\n" for k in MALFORMED_KINDS))
        return 0
    if args.malformed is not None and args.malformed not in MALFORMED_KINDS:
        ap.error("unknown --malformed kind %r (see --list-malformed)" % args.malformed)
    if args.topics < 1:
        ap.error("--topics must be at least 1")
    if args.malformed and args.topics < 4:
        ap.error("--malformed needs --topics 4 or more")

    start = time.monotonic()
    corpus = Corpus(args.topics, args.seed)
    if args.malformed:
        data = MALFORMED_KINDS[args.malformed][1](corpus)
    else:
        data = corpus.document().encode("utf-8")

    if args.out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        with open(args.out, "wb") as f:
            f.write(data)
    if not args.quiet:
        sys.stderr.write("gen-corpus: %s%d bytes, %s%d topics (%d English, %d Spanish), %.2f s -> %s\n" % (
            "[%s] " % args.malformed if args.malformed else "", len(data), "made from " if args.malformed else "",
            len(corpus.topics), corpus.n_en, corpus.n_es, time.monotonic() - start, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
