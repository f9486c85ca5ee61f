"""Suicidal intent told through a plan, a means or a place, found missed by a safety set written blind
(sb1, 2026-12-07): "I have a plan and the pills are ready", "I bought a gun last week and I just needed to
tell somebody", "sitting in my car in the garage with the engine running", "estoy parada en la azotea,
ya no aguanto más", "pienso en aventarme del puente", a teenager's goodbye post and no answer since.

A plan or a means alone is ordinary ("I have a plan with my insurance", "we keep a gun at home"); each
sign here needs the second thing that makes it intent (`also`): the means beside the plan, a disclosure
("I just wanted someone to know"), despair, or someone who no longer answers. Like the other suicidal
signs they are never denied or "past" (`context.py`).
"""

from __future__ import annotations

from agents.understanding.redflags.context import Sign, compile_any, sign
from agents.understanding.redflags.suicidal import A_REASON

_MEANS = (
    r"\b(?:pills|meds|tablets|pastillas|pildoras|gun|pistol|firearm|rifle|shotgun|revolver|pistola|arma|rope|noose"
    r"|cuerda|soga|razor|blade|navaja|cuchilla|bridge|puente|roof|rooftop|azotea|ledge|cliff|edge|engine|garage|poison"
    r"|veneno|raticida)\b"
)
_PLAN = (
    r"\b(?:i\s+|i'?ve\s+)?(?:have|got|made|hav)\s+(?:a|the|my)\s+plan\b(?!\s+(?:for|with|to|through|from)\b)|\b(?:ya\s+)?tengo\s+(?:todo\s+)?(?:un\s+plan|planeado|pensado|decidido)\b(?!\s+(?:para\s+"
    r"(?:la|el|mi)\s+(?:fiesta|boda|viaje|dieta|cumple)))|\beverything\s+is\s+(?:ready|planned)"
)
_READY = (
    r"\b(?:pills|meds|tablets|pastillas|pildoras)\s+(?:are|r|estan|ya\s+estan)\s+(?:ready|counted|lined\s+up|out"
    r"|juntas|listas|contadas|preparadas|separadas)\b(?!\s+(?:for|to|at|para|en|a\s+las)\b)"
)
# pills "ready" at the pharmacy are a refill, not a plan: "my pills are ready, can I pick them up today?"
_PICKUP = compile_any(
    r"\b(?:pick\w*\s+(?:them\s+|it\s+)?up|pickup|recoger\w*|pasar\s+(?:a\s+)?por\s+(?:ellas|ellos)|pharmacy|farmacia|refill"
    r"|resurtido|prescription|receta)"
)
_BOUGHT_MEANS = (
    r"\b(?:bought|got|have|purchased|borrowed|compre|consegui|tengo|saque)\s+(?:(?:a|an|the|una|un|la|el)\s+)?"
    r"(?:gun|pistol|firearm|rifle|shotgun|pistola|arma|rope|cuerda|soga)\b"
)
_DISCLOSURE = compile_any(
    r"\b(?:just\s+)?(?:wanted|needed|need|want)\s+(?:to\s+tell|someone\s+to\s+know|somebody\s+to\s+know|to\s+say\s+it)"
    r"|\btell\s+(?:someone|somebody|anyone)|\b(?:solo\s+)?(?:queria|necesitaba|quiero|necesito)\s+(?:q|que)\s+alguien"
    r"\s+(?:lo\s+)?(?:supiera|sepa)|\bdecir(?:selo|lo)\s+a\s+alguien|\bcontarle\s+a\s+alguien|\bnot\s+(?:gonna|going\s+to)"
    r"\s+be\s+around|\bno\s+creo\s+(?:q|que)\s+(?:vaya|voy)\s+a\s+estar|\b(?:end|ending|acabar)\b|\bgoodbye|\bdespedir"
    r"|\bhopeless|\bpoint|\bsentido|\bno\s+aguanto|\bya\s+no\s+puedo|\bno\s+puedo\s+mas|\bkeep\s+going|\bcan'?t\s+(?:take|do)\s+(?:it|this)|\btonight|\besta\s+noche"
)
# "I don't think I'll be around": final unless a reason or a bounded time makes it rescheduling ("next
# week, I'm travelling"); open-ended ("much longer", "mucho tiempo más") it needs neither
_NOT_AROUND_LONG = (
    r"\b(?:don'?t|do\s+not|dont)\s+think\s+(?:i'?m|im|i\s+am|i'?ll|i\s+will)\s+(?:gonna\s+|going\s+to\s+)?be\s+"
    r"(?:around|here|alive)\s+(?:much\s+longer|for\s+(?:long|much\s+longer)|anymore|any\s+more)"
    r"|\bno\s+creo\s+(?:q|que)\s+(?:vaya\s+a|voy\s+a)\s+(?:estar|seguir)\s+(?:aqui\s+)?(?:mucho\s+(?:tiempo\s+)?mas"
    r"|por\s+mucho|mucho\s+tiempo)"
)
_NOT_AROUND = (
    r"\b(?:don'?t|do\s+not|dont)\s+think\s+(?:i'?m|im|i\s+am|i'?ll|i\s+will)\s+(?:gonna\s+|going\s+to\s+)?be\s+"
    r"(?:around|here)\b"
)
# what makes "I won't be around" final even beside a reason: everything got ready, a thanks that says goodbye
_SETTLED = compile_any(
    r"\b(?:i'?ve\s+|i\s+have\s+)?got\s+everything\s+(?:i\s+)?need\b(?!\s+(?:for|to))|\bhave\s+everything\s+i\s+need\b"
    r"(?!\s+(?:for|to))|\btell\s+(?:her|him|them|the\s+doctor|the\s+counselor)\s+(?:i\s+said\s+)?thank"
    r"|\bthank\s+(?:her|him|them)\s+for\s+everything|\bya\s+tengo\s+todo\s+lo\s+(?:q|que)\s+necesito\b(?!\s+para)"
)
_NO_WAY_OUT = (
    r"\b(?:don'?t|can'?t|cannot|dont|cant)\s+see\s+(?:a|any)\s+way\s+out"
    r"|\bno\s+(?:le\s+)?veo\s+(?:ninguna\s+)?salida"
)
_CAR_EXHAUST = (
    r"\b(?:car|truck|coche|carro|auto)\b(?:\W+[\w']+){0,8}?\W+(?:garage|garaje|cochera)(?:\W+[\w']+){0,8}?\W+"
    r"(?:engine|motor)\s+(?:running|on|prendido|encendido)|\b(?:engine|motor)\s+(?:running|on|prendido|encendido)"
    r"(?:\W+[\w']+){0,6}?\W+(?:garage|garaje|cochera)"
)
_HIGH_PLACE = (
    r"\b(?:standing|sitting|i'?m|im|is|she'?s|he'?s|estoy|esta|parad[oa]|sentad[oa])\s+(?:[\w']+\s+){0,2}(?:on|at|en)\s+"
    r"(?:the\s+|la\s+|el\s+)?"
    r"(?:edge\s+of\s+(?:the\s+)?|orilla\s+del?\s+|borde\s+del?\s+)?(?:roof|rooftop|ledge|bridge|cliff|azotea|techo"
    r"|puente|barranco|precipicio|balcon\w*)"
)
_DESPAIR = compile_any(
    r"\b(?:no\s+quiero\s+seguir|don'?t\s+want\s+to\s+(?:go\s+on|keep\s+going|continue)|no\s+aguanto|ya\s+no\s+puedo|no\s+puedo\s+mas|can'?t\s+(?:take|do)\s+(?:it|this)|can'?t\s+go\s+on|jump\w*"
    r"|aventar\w*|tirar(?:me|se)|goodbye|adios|despedir\w*|done|end|acabar|point|sentido|hopeless|nobody|nadie)"
    r"|\bgracias\s+por\s+todo|\bthanks?\s+(?:you\s+)?(?:for\s+everything|to\s+(?:the|my)\s+\w+\s+who)|\b(?:solo\s+)?queria"
    r"\s+avisar(?:les|te|le)?|\b(?:just\s+)?wanted\s+to\s+(?:say|let\s+(?:you|someone)\s+know)|\b(?:wasn'?t|was\s+not|isn'?t"
    r"|is\s+not)\s+(?:her|his|your|their|anyone'?s|anybody'?s)\s+fault|\bno\s+(?:fue|es)\s+(?:su|tu)\s+culpa"
)
_THROW_ONESELF = r"\b(?:aventar|arrojar|lanzar)(?:me|se)\b(?!\s+a\s+(?:la|el)\s+(?:cita|consulta|clinica))"
_GOODBYE_POST = (
    r"\b(?:posted|wrote|sent|left|put\s+up|publico|escribio|mando|dejo|subio|puso)\s+(?:[\w']+\s+){0,2}(?:goodbye|farewell"
    r"|despedida|adios\s+a\s+todos|bye\s+(?:everyone|all|forever))\b|\b(?:posted|wrote|sent|publico|escribio|mando)\s+(?:un|una|a)\s+(?:mensaje|post|carta|nota|message"
    r"|note|letter)\s+(?:de\s+)?(?:despedida|goodbye|farewell)"
)
_UNREACHABLE = compile_any(
    r"\b(?:not|isn'?t|won'?t|doesn'?t|hasn'?t|stopped)\s+(?:answer\w*|respond\w*|pick\w*\s+up|repl\w*)|\bcan'?t\s+"
    r"(?:reach|find|get\s+(?:a\s+)?hold)|\bno\s+(?:contesta|responde|aparece|lo\s+encuentro|la\s+encuentro)"
    r"|\bworried|\bscared|\bpreocupad\w*|\bmiedo|\bmissing|\bdesaparecid\w*|\bno\s+(?:se|sabemos)\s+(?:donde|adonde)\s+"
    r"(?:esta|anda|se\s+fue)|\b(?:don'?t|do\s+not|dont)\s+know\s+where\s+(?:he|she|they)\s+(?:is|are|went)"
)

_FAREWELL_POSTED = (
    r"\b(?:sorry|perdon|perdoname|perdonen|lo\s+siente|lo\s+siento)\s+(?:for|por)\s+(?:everything|todo)|\btell\s+(?:my|his"
    r"|her)\s+(?:mom|mum|mother|dad|family|parents)\s+(?:i'?m\s+|i\s+am\s+|he'?s\s+|she'?s\s+)?sorry|\b(?:ya\s+)?(?:ha|he|habia)\s+tomado"
    r"\s+(?:la|una)\s+decision|\b(?:i'?ve|he'?s|she'?s|has|have)\s+made\s+(?:my|his|her|the)\s+(?:decision|peace)|\bwon'?t\s+have\s+to\s+(?:deal|worry)"
    r"\s+(?:with|about)\s+me|\bya\s+no\s+(?:les\s+|te\s+|los\s+)?(?:(?:voy|va|vas)\s+a\s+)?(?:molestar|dar\s+(?:mas\s+)?problemas)"
    r"|\b(?:none\s+of\s+you|nobody|no\s+one|no\s+body|y'?all|you\s+all|everyone)\s+(?:will|'ll|is\s+gonna|is\s+going\s+to)"
    r"\s+(?:have\s+to\s+|need\s+to\s+)?(?:deal\s+with|put\s+up\s+with|worry\s+about)\s+(?:me|him|her)\b"
    r"|\bnadie\s+(?:va\s+a\s+|tendra\s+(?:q|que)\s+)?(?:tener\s+(?:q|que)\s+)?(?:aguantar|soportar|lidiar\s+con)\w*"
    r"|\b(?:papers|papeles|policy|poliza)\s+(?:are|is|estan|esta)\s+(?:in|en)\s+(?:the|el|la|my|mi)\s+(?:drawer|cajon|desk|escritorio)"
    r"|\blife\s+insurance\s+(?:papers|policy)|\bseguro\s+de\s+vida"
)
# "this is it" is a farewell only when the writer has gone quiet after it ("said this is it, tell my mom
# sorry, not answering"); beside fear alone it is a big day ("this is it, surgery tomorrow, I'm so scared")
_THIS_IS_IT = r"\bthis\s+is\s+it\b"
_GONE_QUIET = compile_any(
    r"\b(?:not|isn'?t|won'?t|doesn'?t|hasn'?t|stopped)\s+(?:answer\w*|respond\w*|pick\w*\s+up|repl\w*)|\bcan'?t\s+"
    r"(?:reach|find|get\s+(?:a\s+)?hold)|\bmissing|\b(?:don'?t|do\s+not|dont)\s+know\s+where\s+(?:he|she|they)\s+(?:is|are|went)"
)
_INTENT_SAID = (
    r"\busing\s+it\s+on\s+(?:myself|himself|herself)|\busarl[ao]\s+(?:conmigo|contra\s+mi|en\s+mi)|\b(?:pegar|dar|meter|volar)(?:me|se)\s+un\s+(?:tiro|balazo)"
    r"|\b(?:me|se|te)\s+(?:va|voy|vas|iba)\s+a\s+(?:pegar|dar|meter)\s+un\s+(?:tiro|balazo)|\bvolar(?:me|se)\s+la\s+cabeza"
    r"|\bme\s+corte\s+(?:las|la)\s+munecas?|\b(?:cut|slit|slashed)\s+(?:my|his|her)\s+wrists?|\bmunecas\s+cortadas"
    r"|\b(?:took|take|taking|put|held|holding)\s+(?:[\w']+\s+){0,2}(?:razor|blade|knife)\s+to\s+(?:my|his|her)\s+"
    r"(?:wrists?|arms?|throat|skin|thighs?)|\bwant\s+to\s+(?:cut\s+)?(?:go\s+)?deeper|\b(?:me\s+)?(?:pase|pasé|pasar)\s+la\s+"
    r"(?:navaja|cuchilla|gillette|hoja)\s+por\s+(?:las|la|los)\s+(?:munecas?|brazos?)|\bqueria\s+morir(?:me)?"
    r"|\bwant\s+(?:the|this|it\s+all|everything)\s+(?:pain\s+)?to\s+(?:stop|end)\s+(?:for\s+good|forever|permanently)"
    r"|\b(?:quiero|queria)\s+(?:q|que)\s+(?:todo|el\s+dolor)\s+(?:se\s+acabe|termine|pare)\s+para\s+siempre"
)

# --- found missed by two blind sets (sb7, sb8, 2026-12-08) -----------------------------------------------
# a farewell that thanks the clinic for trying ("if i dont wake up tomorrow tell dr kim thank you for
# trying", "just wanted to say bye to dr. k, thanks for trying"); an alarm clock is no farewell
_IF_I_DONT_WAKE = (
    r"\bif\s+i\s+(?:don'?t|dont|do\s+not|never)\s+wake\s+up\b|\bsi\s+(?:ya\s+)?(?:no\s+despierto|manana\s+no\s+despierto"
    r"|no\s+amanezco)"
)
_THANKS_FOR_TRYING = (
    r"\bthanks?\s+(?:you\s+)?for\s+(?:trying|everything\s+you\s+tried)\b(?!\s+to\b)|\bgracias\s+por\s+(?:intentar(?:lo)?"
    r"|tratar|todo\s+lo\s+(?:q|que)\s+(?:hizo|hiciste|hicieron|intento|intentaste))\b"
)
_PARTING = compile_any(
    r"\bthank|\bgracias|\bgoodbye|\bsay\s+bye|\bbye\s+to|\badios|\bdespedir\w*|\bwon'?t\s+be\s+(?:at|around|here|needing)"
    r"|\bno\s+voy\s+a\s+(?:ir|estar|necesitar)|\btell\s+(?:my|his|her|the|dr|doctor)|\bdiganle|\bdile"
)
_BYE = compile_any(
    r"\bgoodbye|\bsay\s+bye|\bbye\s+to|\badios|\bdespedir\w*|\bwon'?t\s+be\s+(?:at|around|here|needing)"
    r"|\bno\s+voy\s+a\s+(?:ir|estar|necesitar)"
)
# the care was tried elsewhere or is no longer needed: a patient leaving the clinic, not life
_MOVED_ON = compile_any(
    r"\b(?:another|other|new|otr[oa]|nuev[oa])\s+(?:doctor|dr|clinic|provider|practice|medico|clinica|especialista)"
    r"|\bmov(?:ing|ed)\b|\bmudanza|\bme\s+mudo|\binsurance|\bseguro|\bfound\s+(?:a|an|another)|\bencontre"
    r"|\bfeel\w*\s+better|\bmejor|\bfit\s+me\s+in|\bsqueeze\s+me\s+in"
)
_ALARM = compile_any(r"\b(?:on|in)\s+time|\ba\s+tiempo|\balarm|\bdespertador|\bearly|\btemprano|\bcall\s+me")
# a goodbye relayed, then silence: "me mandó un mensaje diciendo que se despide y no contesta"
_RELAYED_GOODBYE = (
    r"\b(?:mensaje|message|text\w*|escribio|mando|dijo|said|wrote|posted)\s+(?:[\w']+\s+){0,4}?(?:se\s+despide"
    r"|se\s+despedia|despidiendose|(?:saying|said)\s+goodbye|goodbye)\b"
)
# a means at hand, said where the writer is: "estoy en el carro con una soga", "I'm in the garage with a rope"
_WITH_MEANS = (
    r"\b(?:estoy|i'?m|im|i\s+am|sitting|aqui|here)\s+(?:[\w']+\s+){0,5}?(?:con|with)\s+(?:una|un|la|el|mi|a|the|my)\s+"
    r"(?:soga|cuerda|rope|noose|pistola|arma|gun|pistol|navaja|cuchilla|razor)\b"
)
# a means made ready: "I have kept the rope ready in my room", "ya tengo la soga lista"
_KEPT_READY = (
    r"\b(?:kept|keep|have|got|put|tengo|deje|puse)\s+(?:the|my|a|la|el|una|mis|las)\s+(?:rope|noose|soga|cuerda|gun|pistola"
    r"|pills|pastillas)\s+(?:ready|lista|listo|listas|preparad\w*|set)"
)
# belongings given away with a night set for it: "gave away my dog and all my stuff, tonight's the night"
_GIVEN_AWAY = (
    r"\bgave\s+away\s+(?:[\w']+\s+){0,4}?(?:dog|cat|stuff|things|belongings|pet|everything)|\bregale\s+(?:[\w']+\s+){0,3}?"
    r"(?:cosas|todo|perro|gato|mascota)"
)
_NIGHT_SET = compile_any(
    r"\btonight'?s\s+the\s+night|\besta\s+noche\s+es\s+la\s+noche|\btonight|\besta\s+noche|\bwon'?t\s+need|\bno\s+(?:voy|vamos)"
    r"\s+a\s+necesitar|\bgoodbye|\badios|\bhoy\s+me\s+voy"
)
# a letter left for one's family and leaving today: "ya le tengo la carta escrita a mi mamá, hoy me voy"
_LETTER_LEFT = (
    r"\bcarta\s+(?:ya\s+)?(?:escrita|lista|de\s+despedida)|\b(?:wrote|written|left)\s+(?:a|the|my)\s+(?:letter|note)\s+"
    r"(?:to|for)\s+(?:my|mom|mum|dad|the\s+kids)"
)
_LEAVING_NOW = compile_any(
    r"\bhoy\s+me\s+voy\b(?!\s+(?:de|a|al|para\s+(?:la|el|mi)))|\bme\s+voy\s+(?:esta\s+noche|para\s+siempre)"
    r"|\bi'?m\s+leaving\s+(?:tonight|today|for\s+good)\b(?!\s+(?:for|to))|\btonight'?s\s+the\s+night"
)

# found missed by sb12 and sb11 (2026-12-08): a blade in hand and a first cut, a rifle cleaned every night
# beside no reason to stay, a gun bought by someone who thinks the family better off without them, a friend
# who "se mata esta noche", a mother who thought of harming herself and her baby
_IN_HAND = (
    r"\btengo\s+(?:la|una|el|un)\s+(?:navaja|cuchilla|gillette|hoja|cuchillo|pistola|arma)\s+en\s+la\s+mano"
    r"|\b(?:holding|have|got)\s+(?:a|the|my)\s+(?:razor|blade|knife|gun)\s+in\s+my\s+hand"
)
_STARTED_CUTTING = compile_any(
    r"\b(?:ya\s+)?me\s+corte|\bi\s+(?:already\s+)?(?:cut|started)|\bno\s+puedo\s+mas|\bya\s+no\s+puedo|\bcan'?t\s+(?:take|do)"
)
_NO_REASON = (
    r"\b(?:don'?t|do\s+not|dont)\s+(?:really\s+)?see\s+(?:a|any|the)\s+(?:reason|point)\s+(?:to|in)\s+(?:stick\w*\s+around"
    r"|living|go\w*\s+on|stay\w*)|\bno\s+(?:le\s+)?veo\s+(?:razon|sentido)\s+(?:para|a|en)\s+seguir"
)
_WEAPON_TENDED = compile_any(
    r"\b(?:cleaning|loading|holding|looking\s+at)\s+(?:my|the|his)\s+(?:rifle|gun|pistol|shotgun)|\b(?:limpiando|cargando)"
    r"\s+(?:la|mi)\s+(?:pistola|escopeta|arma|rifle)|\bthinking\s+about\s+it\s+every\s+night"
)
_BETTER_OFF = compile_any(
    r"\bbetter\s+off\s+(?:with|without)|\binsurance\s+money|\bseguro\s+de\s+vida|\bmejor\s+sin\s+mi|\bburden|\buna\s+carga"
)
_WILL_KILL_SELF = (
    r"\b(?:esta\s+noche|hoy|manana|ahorita)\s+se\s+mata\b|\b(?:dijo|dice|me\s+dijo)\s+(?:q|que)\s+(?:esta\s+noche\s+|hoy\s+)?se"
    r"\s+(?:va\s+a\s+)?matar?\b|\b(?:said|says|told\s+me)\s+(?:she'?s|he'?s|she\s+is|he\s+is)\s+(?:going\s+to|gonna)\s+kill"
    r"\s+(?:herself|himself)|\bpense\s+en\s+(?:hacerle\s+dano\s+(?:a\s+mi\s+bebe\s+)?y\s+)?hacerme\s+dano"
    r"|\b(?:thought|thinking)\s+(?:about|of)\s+(?:hurting|harming)\s+(?:myself|the\s+baby|my\s+baby)"
)

# a self-harm that went further than meant to stop: "cut myself pretty deep … wanted it to be deeper",
# "cuts are worse than usual and I wanted to go further", "not sure im safe"
_DEEPER = (
    r"\bwant\w*\s+(?:it\s+)?to\s+(?:be|go)\s+(?:deeper|further)|\bwanted\s+to\s+go\s+(?:further|deeper)\b"
    r"|\bcut\s+(?:myself|himself|herself)\s+(?:[\w']+\s+){0,2}deep\b|\bhaciendo(?:me|se)\s+dano\s+a\s+proposito"
    r"|\b(?:hurting|burning|cutting)\s+myself\s+on\s+purpose|\bquemandome\s+con\s+(?:cigarr\w*|el\s+encendedor)"
    r"|\bpienso\s+en\s+algo\s+peor|\bthinking\s+(?:about|of)\s+something\s+worse|\b(?:want\s+to|wanna|gonna|going\s+to|thinking\s+(?:about|of)|might)\s+unaliv\w*|\bunalive\s+myself|\bcuts?\s+(?:are\s+|were\s+)?(?:worse|deeper)\s+than"
    r"|\b(?:not\s+sure|don'?t\s+know\s+if)\s+(?:i'?m|im|i\s+am)\s+safe\b(?!\s+to\b)|\bno\s+se\s+si\s+estoy\s+(?:a\s+salvo"
    r"|segur[oa])\b(?!\s+de)|\bquise\s+(?:cortarme\s+)?mas\s+(?:hondo|profundo)"
)
# a way looked up, with a night set for it: "tonight feels different, I looked up how many of my pills it
# would take"; "when im gone … tonight im doing it"
_LOOKED_UP = (
    r"\blooked\s+up\s+how\s+(?:many|much)\s+(?:[\w']+\s+){0,4}(?:it\s+would\s+take|to\s+(?:die|end\s+it|kill))"
    r"|\bbusque\s+cuant[ao]s\s+(?:[\w']+\s+){0,3}(?:necesito|harian\s+falta|se\s+necesitan)"
    r"|\btonight\s+(?:i'?m|im|i\s+am)\s+(?:doing|going\s+to\s+do|gonna\s+do)\s+it\b|\besta\s+noche\s+lo\s+hago\b"
)

# affairs put in order, with a goodbye or an absence: "I've written letters to my kids … Thank you for
# everything", "gave the cat to my mum today and sorted out my will. Don't think I'll be round", "ya arreglé
# todo para que no batallen cuando yo no esté"
_AFFAIRS_IN_ORDER = (
    r"\b(?:wrote|written|writing|left)\s+(?:[\w']+\s+){0,2}letters?\s+(?:to|for)\s+(?:my|each\s+of\s+my)\s+(?:kids|children"
    r"|family|wife|husband|son|daughter|mom|mum|parents)|\b(?:sorted|sorting|made|making|finished|updated|wrote)\s+(?:out\s+)?"
    r"(?:my\s+)?(?:will|testament)\b|\bgave\s+(?:away\s+)?(?:my|the)\s+(?:cat|dog|pets?|guitar|things|stuff)\s+(?:away\s+)?to"
    r"|\bgave\s+away\s+(?:my|all\s+(?:my|his|her)|his|her)|\b(?:ya\s+)?(?:arregle|deje\s+arreglado|organice|deje)\s+todo\s+(?:listo\s+)?para\s+"
    r"(?:q|que)\s+no\s+(?:batallen|sufran|tengan\s+problemas|se\s+preocupen)|\b(?:los\s+)?papeles\s+del\s+seguro\s+(?:de\s+vida\s+)?"
    r"(?:estan|quedan)\s+en|\blife\s+insurance\s+(?:papers|policy)|\bregale\s+(?:mis\s+cosas|a\s+mi\s+(?:gato|perro))"
    r"|\bhice\s+(?:mi\s+)?testamento"
)
_GOODBYE_SAID = compile_any(
    r"\bthank\s+you\s+for\s+everything|\bthanks\s+for\s+everything|\bgracias\s+por\s+todo|\bcuando\s+(?:yo\s+)?(?:ya\s+)?no"
    r"\s+este|\bwhen\s+i'?m\s+(?:gone|not\s+here)|\b(?:don'?t|do\s+not|dont)\s+think\s+(?:i'?ll|i\s+will|i'?m)\s+(?:gonna\s+)?"
    r"be\s+(?:a)?round|\bmake\s+sure\s+(?:they|she|he)\s+gets?\s+(?:them|it)|\bno\s+voy\s+a\s+estar|\bdark\s+time"
    r"|\bya\s+no\s+(?:voy|quiero)\s+(?:a\s+)?(?:seguir|estar)"
)
# a way to die pictured, or nearly carried out: "I keep thinking about driving into the overpass… today I
# almost did it", "thinking about walking into the lake", "pienso en tirarme al río"
_PICTURED_WAY = (
    r"\b(?:thinking|thought|think|dreaming|fantasi[sz]ing)\s+(?:about|of)\s+(?:[\w']+\s+){0,2}?(?:driving|walking|jumping"
    r"|stepping|running|swerving|crashing)\s+(?:my\s+car\s+|the\s+car\s+)?(?:into|off|in\s+front\s+of|onto)\s+(?:the\s+|a\s+)?"
    r"(?:[\w']+\s+)?(?:overpass|lake|river|traffic|train|truck|bridge|wall|sea|ocean|tracks|pole|tree|bus)"
    r"|\b(?:pienso|pensando|pense|penso)\s+en\s+(?:meterme|tirarme|aventarme|echarme|lanzarme|estrellarme|estrellar\s+el"
    r"\s+(?:carro|coche|auto))\s+(?:al|a\s+la|a\s+las|contra|en|bajo)\s+(?:el\s+|la\s+)?(?:lago|rio|mar|tren|via|vias"
    r"|carretera|trafico|camion|puente|pared|muro|poste|arbol)"
    r"|\b(?:better\s+off|mejor)\s+(?:with|con)\s+(?:a|another|some|otra|otro|una|un)\s+\w+\s+(?:who|that|que)\s+(?:isn'?t"
    r"|is\s+not|no\s+sea)\s+(?:me|yo)\b"
    r"|\b(?:going\s+to|gonna|wants?\s+to|va\s+a|voy\s+a|quiere)\s+(?:drive|jump|crash|steer|tirar(?:se|me)|aventar(?:se|me)"
    r"|lanzar(?:se|me)|estrellar(?:se|me))\s+(?:[\w']+\s+){0,3}?(?:off|into|from|de|del|desde|contra)\s+(?:the\s+|a\s+|el\s+"
    r"|la\s+)?(?:bridge|overpass|cliff|roof|building|puente|edificio|azotea|barranco)"
    r"|\b(?:se|me)\s+(?:quiso|quise|intento|intente|trato\s+de|trate\s+de)\s+ahorcar|\bse\s+ahorco\b|\btried\s+to\s+hang"
    r"\s+(?:himself|herself|themselves|myself)|\bfound\s+(?:him|her)\s+hanging"
)

# pills hidden until there are "enough"; taking them "so it ends"; everyone better off were one not to exist
_ENOUGH = (
    r"\b(?:finally\s+)?(?:have|got)\s+enough\b(?!\s+(?:for|to\s+(?:last|get)))"
    r"|\bya\s+tengo\s+(?:las\s+)?suficientes"
)
_HIDDEN_PILLS = compile_any(
    r"\b(?:hid\w*|hiding|saving|saved|stash\w*|collect\w*|escond\w*|junt\w*|guard\w*)\s+(?:[\w']+\s+){0,2}"
    r"(?:pills|meds|tablets|pastillas|pildoras)"
)
_SO_IT_ENDS = (
    r"\bso\s+(?:it|this|everything|the\s+pain)\s+(?:all\s+)?(?:ends|stops|is\s+over)|\bpara\s+que\s+(?:todo\s+)?"
    r"(?:se\s+acabe|termine|deje\s+de\s+doler)"
)
_MEANS_OR_TONIGHT = compile_any(
    _MEANS, r"\b(?:swallow\w*|tonight|esta\s+noche|take\s+(?:them|it)\s+all|tomar(?:me)?las)"
)
_NOT_EXISTING = (
    r"\b(?:todos|todo\s+el\s+mundo|mi\s+familia|mis\s+hijos)\s+(?:estarian|estaria|estaran|vivirian)\s+mejor\s+"
    r"(?:si\s+yo\s+no\s+(?:existiera|estuviera|viviera)|sin\s+mi)"
)

MEANS_SIGNS: list[Sign] = [
    Sign("suicidal", compile_any(_IF_I_DONT_WAKE), deniable=False, also=_PARTING, unless=_ALARM),
    Sign("suicidal", compile_any(_THANKS_FOR_TRYING), deniable=False, also=_BYE, unless=_MOVED_ON),
    Sign("suicidal", compile_any(_RELAYED_GOODBYE), deniable=False, also=_UNREACHABLE),
    Sign("suicidal", compile_any(_WITH_MEANS), deniable=False, also=_DESPAIR),
    sign("suicidal", _DEEPER, _LOOKED_UP, _KEPT_READY, deniable=False),
    Sign("suicidal", compile_any(_GIVEN_AWAY), deniable=False, also=_NIGHT_SET),
    Sign("suicidal", compile_any(_IN_HAND), deniable=False, also=_STARTED_CUTTING),
    Sign("suicidal", compile_any(_NO_REASON), deniable=False, also=_WEAPON_TENDED),
    Sign("suicidal", compile_any(_BOUGHT_MEANS), deniable=False, also=_BETTER_OFF),
    sign("suicidal", _WILL_KILL_SELF, deniable=False),
    Sign("suicidal", compile_any(_LETTER_LEFT), deniable=False, also=_LEAVING_NOW),
    Sign("suicidal", compile_any(_AFFAIRS_IN_ORDER), deniable=False, also=_GOODBYE_SAID),
    sign("suicidal", _PICTURED_WAY, deniable=False),
    Sign("suicidal", compile_any(_ENOUGH), deniable=False, also=_HIDDEN_PILLS),
    Sign("suicidal", compile_any(_SO_IT_ENDS), deniable=False, also=_MEANS_OR_TONIGHT),
    sign("suicidal", _NOT_EXISTING, deniable=False),
    Sign("suicidal", compile_any(_FAREWELL_POSTED), deniable=False, also=_UNREACHABLE),
    Sign("suicidal", compile_any(_THIS_IS_IT), deniable=False, also=_GONE_QUIET),
    sign("suicidal", _INTENT_SAID, deniable=False),
    Sign("suicidal", compile_any(_PLAN), deniable=False, also=compile_any(_MEANS, _READY)),
    sign("suicidal", _READY, deniable=False, unless=_PICKUP),
    Sign("suicidal", compile_any(_BOUGHT_MEANS), deniable=False, also=_DISCLOSURE),
    sign("suicidal", _NOT_AROUND_LONG, _NO_WAY_OUT, _CAR_EXHAUST, _THROW_ONESELF, deniable=False),
    sign("suicidal", _NOT_AROUND, deniable=False, unless=A_REASON),
    Sign("suicidal", compile_any(_NOT_AROUND), deniable=False, also=_SETTLED),
    Sign("suicidal", compile_any(_HIGH_PLACE), deniable=False, also=_DESPAIR),
    Sign("suicidal", compile_any(_GOODBYE_POST), deniable=False, also=_UNREACHABLE),
    sign(
        "suicidal",
        r"\b(?:i'?m|im|i\s+am|he'?s|she'?s|started|been)\s+cutting\s+(?:myself\s+|himself\s+|herself\s+)?again\b"
        r"|\bcut\s+(?:myself|himself|herself)\s+again\b|\bi\s+cut\s+(?:again|tonight)\b(?!\s+(?:my|the)\s+(?:hair|bangs|nails|lawn|grass))|\bcut\w*\s+(?:[\w']+\s+){0,4}"
        r"deeper\s+than\s+(?:usual|before|last\s+time)",
        deniable=False,
    ),
]
