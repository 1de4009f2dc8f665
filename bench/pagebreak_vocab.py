"""Furniture, navigation and trailer vocabulary for bench/pagebreak_gen.py.

Deliberately NOT the strings of the shared pagebreak dev set (`Page 3 of 9`, `- 4 -`, `Share this:`,
`Skip to content`, `Home | News | About`, `Printed from example.com`, ...) nor those the rules were tuned on:
the generated set measures whether the rules carry over to shapes they have not seen. Several languages, several
templates per kind; the generator picks among them with its seeded random generator.
"""

LANGS = ("en", "de", "es", "fr", "pl", "pt", "it", "ru")

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia".split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
}

# Page numbers: {n} this page, {N} the page count.
PAGE_NUMBERS = {
    "any": ["[{n}]", "({n})", "· {n} ·", "‹ {n} ›", "~ {n} ~", "-{n}-", "— {n} / {N} —", "{n} | {N}", "| {n} |",
            "p. {n}", "pp. {n}", "{n} / {N}", "#{n}"],
    "en": ["Page {n}/{N}", "Pg. {n}", "page {n} of {N}", "{n} of {N}", "PAGE {n}", "Page {n} / {N}"],
    "de": ["Seite {n} von {N}", "Seite {n}", "S. {n}", "– Seite {n} –", "Seite {n}/{N}", "Blatt {n}"],
    "es": ["Página {n} de {N}", "Pág. {n}", "página {n}", "{n} de {N}"],
    "fr": ["Page {n} sur {N}", "page {n}", "p. {n}/{N}", "{n} sur {N}"],
    "pl": ["Strona {n} z {N}", "str. {n}", "Strona {n}"],
    "pt": ["Página {n} de {N}", "pág. {n}"],
    "it": ["Pagina {n} di {N}", "pag. {n}"],
    "ru": ["Страница {n} из {N}", "стр. {n}", "— {n} из {N} —"],
}

# Running headers: {site}, {SITE} (upper), {domain}, {section} (changes from page to page), {short} (the title cut
# short), {date} (in the language), {n}, {N}.
RUNNING_HEADERS = [
    "{site} · {n}", "{n} · {site}", "{SITE} | {n}", "{site} — {section}", "{section} | {site}", "{short}…",
    "{SITE}", "{site}, {date}", "{domain} — {short}", "{short} ({site})", "{site} – {section} – {n}",
    "{date} | {site}", "{section}", "{site} / {section} / {n}",
]

SECTIONS = {
    "en": ["World", "Politics", "Business", "Opinion", "Technology", "Science", "Culture", "Sports", "Health"],
    "de": ["Politik", "Wirtschaft", "Ausland", "Inland", "Kultur", "Sport", "Meinung", "Panorama", "Wissen"],
    "es": ["Internacional", "Política", "Economía", "Cultura", "Deportes", "Opinión", "Sociedad"],
    "fr": ["International", "Politique", "Économie", "Culture", "Sports", "Société", "Idées"],
    "pl": ["Kraj", "Świat", "Gospodarka", "Kultura", "Sport", "Opinie"],
    "pt": ["Mundo", "Política", "Economia", "Cultura", "Esportes"],
    "it": ["Esteri", "Politica", "Economia", "Cultura", "Sport"],
    "ru": ["Мир", "Политика", "Экономика", "Культура", "Спорт"],
}

# Footers. {next} is the next page number, {url} the article URL.
FOOTERS_PRINTED = {
    "en": ["Printed on {date} from {domain}", "Source: {url}", "URL: {url}", "Downloaded from {domain} on {date}"],
    "de": ["Gedruckt am {date} von {domain}", "Quelle: {url}", "Druckversion – {domain}", "Artikel-URL: {url}"],
    "es": ["Impreso desde {domain} el {date}", "Fuente: {url}", "Versión para imprimir – {domain}"],
    "fr": ["Imprimé depuis {domain} le {date}", "Source : {url}", "Version imprimable – {domain}"],
    "pl": ["Wydrukowano z {domain} dnia {date}", "Źródło: {url}"],
    "pt": ["Impresso de {domain} em {date}", "Fonte: {url}"],
    "it": ["Stampato da {domain} il {date}", "Fonte: {url}"],
    "ru": ["Распечатано с {domain} {date}", "Источник: {url}"],
}
FOOTERS_CONTINUED = {
    "en": ["Continued on page {next}", "(continued on p. {next})", "Story continues overleaf", "Please turn over"],
    "de": ["Fortsetzung auf Seite {next}", "Fortsetzung nächste Seite", "Bitte umblättern", "weiter auf S. {next}"],
    "es": ["Continúa en la página {next}", "Sigue en la pág. {next}"],
    "fr": ["Suite en page {next}", "Suite page suivante", "Lire la suite page {next}"],
    "pl": ["Ciąg dalszy na stronie {next}", "Dokończenie na str. {next}"],
    "pt": ["Continua na página {next}"],
    "it": ["Continua a pagina {next}", "Segue a pag. {next}"],
    "ru": ["Продолжение на стр. {next}", "Окончание на стр. {next}"],
}
COUNTED_URL = ["{url} ({n}/{N})", "{url} — {n} of {N}", "{url} · {n}/{N}", "{url} [{n}/{N}]"]

# A browser print: a stamp header and a URL footer, in other shapes than `m/d/yy, h:mm AM <title>`.
BROWSER_HEADERS = [
    "{dd}.{mm}.{yy}, {HH}:{MM} {title}", "{yyyy}-{mm}-{dd} {HH}:{MM} | {title}", "{title} · {dd}/{mm}/{yyyy} {HH}:{MM}",
    "{d}/{m}/{yyyy} {HH}:{MM} {title} - {site}",
]

COPYRIGHT = {
    "en": ["Copyright © {yyyy} {site}. All Rights Reserved.", "© {site} {yyyy}", "All content © {yyyy} {site}",
           "© {yyyy} {site} | Privacy Policy | Terms of Use", "Copyright {yyyy} {site} Inc. All rights reserved."],
    "de": ["© {yyyy} {site}. Alle Rechte vorbehalten.", "Copyright © {site} {yyyy}", "Alle Rechte vorbehalten. © {site}",
           "© {site} {yyyy} – Impressum – Datenschutz", "© {site} {yyyy} - Alle Rechte vorbehalten - Vervielfältigung nur mit Genehmigung"],
    "es": ["© {yyyy} {site}. Todos los derechos reservados.",
           "Copyright © {yyyy} {site} - Prohibida su reproducción total o parcial", "© {site}, {yyyy}"],
    "fr": ["© {yyyy} {site}. Tous droits réservés.", "Tous droits réservés © {site} {yyyy}",
           "Reproduction interdite © {site}", "© {site} {yyyy} – Mentions légales"],
    "pl": ["© {yyyy} {site}. Wszelkie prawa zastrzeżone.", "Copyright © {site} {yyyy}",
           "Wszelkie prawa zastrzeżone © {site}"],
    "pt": ["© {yyyy} {site}. Todos os direitos reservados.", "Copyright © {site} {yyyy}"],
    "it": ["© {yyyy} {site}. Tutti i diritti riservati.", "Riproduzione riservata © {site}"],
    "ru": ["© {yyyy} {site}. Все права защищены.", "© {site}, {yyyy}"],
}

SKIP_LINKS = {
    "en": ["Skip to main navigation", "Jump to content", "Skip to article", "Skip navigation", "Go to main content"],
    "de": ["Zum Inhalt springen", "Direkt zum Inhalt", "Zur Navigation springen", "Zum Hauptinhalt"],
    "es": ["Saltar al contenido", "Ir al contenido principal", "Saltar a la navegación"],
    "fr": ["Aller au contenu", "Aller au contenu principal", "Passer au contenu", "Aller à la navigation"],
    "pl": ["Przejdź do treści", "Przejdź do nawigacji", "Pomiń nawigację"],
    "pt": ["Pular para o conteúdo", "Ir para o conteúdo"],
    "it": ["Vai al contenuto", "Salta al contenuto principale"],
    "ru": ["Перейти к содержанию", "Перейти к навигации"],
}
HOME = {"en": ["Home", "Front page"], "de": ["Startseite", "Start", "Home"], "es": ["Inicio", "Portada"],
        "fr": ["Accueil"], "pl": ["Strona główna"], "pt": ["Início", "Página inicial"], "it": ["Home"],
        "ru": ["Главная"]}
HERE = {"en": "You are here: ", "de": "Sie sind hier: ", "es": "Estás en: ", "fr": "Vous êtes ici : ",
        "pl": "Jesteś tutaj: ", "pt": "Você está em: ", "it": "Sei qui: ", "ru": "Вы здесь: "}
BREADCRUMB_SEPARATORS = [" / ", " > ", " » ", " :: ", " · ", " – ", " → ", " ❯ ", " ‣ ", " ⟩ "]
MENU_SEPARATORS = [" · ", " – ", " / ", " • ", " ¦ ", "  ", " | "]
MENU_LABELS = {
    "en": ["Main menu", "Open menu", "Toggle navigation", "Navigation", "Search", "Log in", "Sign in", "☰ Menu",
           "Subscribe now", "Newsletters"],
    "de": ["Menü", "Hauptmenü", "Navigation", "Suche", "Anmelden", "Menü öffnen", "☰ Menü", "Abo", "Mein Konto"],
    "es": ["Menú", "Buscar", "Iniciar sesión", "Suscríbete", "☰ Menú"],
    "fr": ["Menu principal", "Rechercher", "Se connecter", "S'abonner", "Mon compte"],
    "pl": ["Szukaj", "Zaloguj się", "Menu główne", "Prenumerata"],
    "pt": ["Buscar", "Entrar", "Assine"],
    "it": ["Cerca", "Accedi", "Abbonati"],
    "ru": ["Меню", "Поиск", "Войти"],
}
TOP_OTHER = {
    "en": ["Advertisement", "Listen to this article", "Share", "Sponsored content", "{k} comments", "{k} min read",
           "Reading time: {k} minutes"],
    "de": ["Anzeige", "Artikel anhören", "Teilen", "{k} Kommentare", "Lesezeit: {k} Min.", "{k} Min. Lesezeit",
           "Artikel merken"],
    "es": ["Publicidad", "Escuchar noticia", "Compartir", "{k} comentarios", "Lectura: {k} min"],
    "fr": ["Publicité", "Écouter cet article", "Partager", "{k} commentaires", "Temps de lecture : {k} min"],
    "pl": ["Reklama", "Posłuchaj artykułu", "Udostępnij", "{k} komentarzy", "Czas czytania: {k} min"],
    "pt": ["Publicidade", "Compartilhar", "{k} comentários"],
    "it": ["Pubblicità", "Condividi", "{k} commenti"],
    "ru": ["Реклама", "Поделиться", "{k} комментариев"],
}

BYLINES = {
    "en": ["By {a}", "Written by {a}", "Words: {a}", "{a}, Staff Writer", "Author: {a}", "Reporting by {a}", "by {a}"],
    "de": ["Von {a}", "Ein Beitrag von {a}", "Autor: {a}", "{a}, Redakteur", "von {a}"],
    "es": ["Por {a}", "Escrito por {a}", "Autor: {a}"],
    "fr": ["Par {a}", "Publié par {a}", "Auteur : {a}"],
    "pl": ["Autor: {a}", "Napisał {a}"],
    "pt": ["Por {a}"],
    "it": ["Di {a}", "di {a}"],
    "ru": ["Автор: {a}"],
}
NAMES = {
    "en": ["Sarah Whitfield", "Daniel O'Connor", "Priya Raman", "Tom Delaney", "Grace Liu"],
    "de": ["Katrin Lehmann", "Jonas Becker", "Miriam Schulz", "Stefan Wagner", "Anna-Lena Vogt"],
    "es": ["María Fernández", "Javier Ruiz", "Lucía Gómez", "Carlos Herrera"],
    "fr": ["Claire Dubois", "Julien Moreau", "Sophie Laurent", "Antoine Girard"],
    "pl": ["Anna Kowalska", "Piotr Nowak", "Katarzyna Wiśniewska"],
    "pt": ["Ana Souza", "Pedro Almeida"],
    "it": ["Giulia Rossi", "Marco Bianchi"],
    "ru": ["Анна Иванова", "Сергей Петров"],
}
DATES = {
    "en": ["{Month} {d}, {yyyy}", "{d} {Month} {yyyy}", "Updated {Mon} {d}, {yyyy} at {h}:{MM} {ampm}",
           "Published: {dd}/{mm}/{yyyy}", "{yyyy}-{mm}-{dd} {HH}:{MM}", "Last updated on {d} {Month} {yyyy}"],
    "de": ["{d}. {Month} {yyyy}", "{dd}.{mm}.{yyyy}, {HH}:{MM} Uhr", "Veröffentlicht am {dd}.{mm}.{yyyy}",
           "Aktualisiert: {d}. {Month} {yyyy}, {HH}:{MM} Uhr", "Stand: {dd}.{mm}.{yyyy}"],
    "es": ["{d} de {Month} de {yyyy}", "Publicado el {dd}/{mm}/{yyyy}", "Actualizado: {d} {Month} {yyyy} - {HH}:{MM}"],
    "fr": ["{d} {Month} {yyyy}", "Publié le {d} {Month} {yyyy} à {HH}h{MM}", "Mis à jour le {dd}/{mm}/{yyyy}"],
    "pl": ["{d} {Month} {yyyy}", "Opublikowano: {dd}.{mm}.{yyyy}", "Aktualizacja: {dd}.{mm}.{yyyy} {HH}:{MM}"],
    "pt": ["{d} de {Month} de {yyyy}", "Publicado em {dd}/{mm}/{yyyy}"],
    "it": ["{d} {Month} {yyyy}", "Pubblicato il {dd}/{mm}/{yyyy}"],
    "ru": ["{d} {Month} {yyyy}", "Опубликовано: {dd}.{mm}.{yyyy}"],
}
# The headline repeated at the top, in shapes other than the bare title line.
TITLE_SHAPES = ["{t}", "{t} | {site}", "{t} - {site}", "{t} – {site}", "{site}: {t}", "{T}", "[{t}]({url})",
                "**{t}**", "{t} :: {site}", "{t} « {site}"]

SHARE = {
    "en": ["Share on Facebook Share on Twitter Share via Email", "Share: Facebook · Twitter · LinkedIn",
           "Share this story", "Tweet Share Email", "Facebook Twitter WhatsApp Email", "Share article"],
    "de": ["Teilen auf Facebook Twittern Per Mail", "Artikel teilen: Facebook | Twitter | WhatsApp",
           "Diesen Artikel teilen", "Teilen Twittern Mailen", "Jetzt teilen"],
    "es": ["Compartir en Facebook Compartir en Twitter", "Compartir: Facebook · Twitter · WhatsApp",
           "Comparte esta noticia"],
    "fr": ["Partager sur Facebook Partager sur Twitter", "Partager : Facebook · Twitter · E-mail",
           "Partagez cet article"],
    "pl": ["Udostępnij: Facebook · Twitter", "Udostępnij artykuł"],
    "pt": ["Compartilhe: Facebook · Twitter · WhatsApp", "Compartilhar"],
    "it": ["Condividi su Facebook Condividi su Twitter", "Condividi l'articolo"],
    "ru": ["Поделиться: ВКонтакте · Telegram", "Поделиться"],
}
READ_MORE = {
    "en": ["Read more: {other}", "Read more", "Continue reading", "Also read: {other}", "More on this topic",
           "Recommended for you"],
    "de": ["Weiterlesen", "Lesen Sie auch: {other}", "Mehr zum Thema", "Auch interessant: {other}",
           "Das könnte Sie auch interessieren"],
    "es": ["Leer más", "Lee también: {other}", "Te puede interesar: {other}", "Más noticias"],
    "fr": ["Lire la suite", "À lire aussi : {other}", "Sur le même sujet"],
    "pl": ["Czytaj więcej", "Czytaj także: {other}", "Zobacz również"],
    "pt": ["Leia mais", "Leia também: {other}"],
    "it": ["Leggi anche: {other}", "Continua a leggere"],
    "ru": ["Читайте также: {other}", "Подробнее"],
}
NEXT_PREV = {
    "en": ["Next article", "Previous article", "« Previous post", "Next story »", "Next: {other}",
           "Previous: {other}"],
    "de": ["Nächster Artikel", "Vorheriger Artikel", "« Zurück", "Weiter »", "Nächster Beitrag: {other}"],
    "es": ["Artículo siguiente", "Artículo anterior", "Siguiente: {other}"],
    "fr": ["Article suivant", "Article précédent"],
    "pl": ["Następny artykuł", "Poprzedni artykuł"],
    "pt": ["Próximo artigo", "Artigo anterior"],
    "it": ["Articolo successivo", "Articolo precedente"],
    "ru": ["Следующая статья", "Предыдущая статья"],
}
COOKIES = {
    "en": ["We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.",
           "This website uses cookies to ensure you get the best experience.", "Accept all cookies",
           "Cookie settings", "Got it!"],
    "de": ["Diese Website verwendet Cookies, um Ihnen ein optimales Nutzererlebnis zu bieten. Mit der Nutzung stimmen Sie dem zu.",
           "Wir verwenden Cookies. Weitere Informationen finden Sie in unserer Datenschutzerklärung.",
           "Alle akzeptieren", "Cookie-Einstellungen", "OK, verstanden"],
    "es": ["Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Si continúa navegando, consideramos que acepta su uso.",
           "Aceptar cookies", "Configuración de cookies"],
    "fr": ["Ce site utilise des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation.",
           "Accepter les cookies", "Paramétrer les cookies"],
    "pl": ["Ta strona korzysta z plików cookies. Korzystając z niej, wyrażasz zgodę na ich używanie.",
           "Akceptuję", "Ustawienia cookies"],
    "pt": ["Este site usa cookies para melhorar sua experiência. Ao continuar navegando, você concorda com o uso.",
           "Aceitar cookies"],
    "it": ["Questo sito utilizza cookie per migliorare la tua esperienza. Continuando la navigazione accetti il loro uso.",
           "Accetta tutti i cookie"],
    "ru": ["Мы используем файлы cookie, чтобы улучшить работу сайта. Продолжая, вы соглашаетесь с их использованием.",
           "Принять"],
}
NEWSLETTER = {
    "en": ["Sign up for our daily newsletter", "Get the latest news in your inbox", "Join our mailing list"],
    "de": ["Newsletter abonnieren", "Jetzt zum Newsletter anmelden", "Melden Sie sich für unseren Newsletter an"],
    "es": ["Suscríbete a nuestro boletín", "Recibe nuestra newsletter"],
    "fr": ["Inscrivez-vous à notre newsletter", "Recevez notre lettre d'information"],
    "pl": ["Zapisz się do newslettera"],
    "pt": ["Assine nossa newsletter"],
    "it": ["Iscriviti alla newsletter"],
    "ru": ["Подпишитесь на рассылку"],
}
COMMENTS = {
    "en": ["Leave a comment", "{k} comments", "Comments are closed.", "Add your comment", "Join the discussion"],
    "de": ["Kommentare ({k})", "Kommentar schreiben", "Diskutieren Sie mit", "{k} Kommentare"],
    "es": ["Comentarios ({k})", "Deja tu comentario", "Añadir comentario"],
    "fr": ["Ajouter un commentaire", "{k} commentaires", "Réagir à cet article"],
    "pl": ["Dodaj komentarz", "Komentarze ({k})"],
    "pt": ["Deixe seu comentário", "Comentários ({k})"],
    "it": ["Lascia un commento", "Commenti ({k})"],
    "ru": ["Комментарии ({k})", "Оставить комментарий"],
}
BACK_TO_TOP = {
    "en": ["Back to top ↑", "↑ Top", "Return to top"], "de": ["Nach oben", "Zurück nach oben", "↑ Seitenanfang"],
    "es": ["Volver arriba", "Ir arriba"], "fr": ["Haut de page", "Retour en haut"], "pl": ["Do góry", "Powrót na górę"],
    "pt": ["Voltar ao topo"], "it": ["Torna su"], "ru": ["Наверх"],
}
TAGS = {
    "en": ["Topics: {t1}, {t2}, {t3}", "Filed under: {t1}, {t2}", "Tagged {t1}, {t2}"],
    "de": ["Schlagwörter: {t1}, {t2}, {t3}", "Themen: {t1} · {t2}", "Mehr zu: {t1}, {t2}"],
    "es": ["Etiquetas: {t1}, {t2}", "Temas: {t1}, {t2}"],
    "fr": ["Mots-clés : {t1}, {t2}", "Thèmes : {t1}, {t2}"],
    "pl": ["Tagi: {t1}, {t2}", "Tematy: {t1}, {t2}"],
    "pt": ["Tags: {t1}, {t2}"], "it": ["Argomenti: {t1}, {t2}"], "ru": ["Теги: {t1}, {t2}"],
}
FOOTER_MENUS = {
    "en": ["Privacy Policy · Terms · Contact", "About us – Careers – Advertise – Contact"],
    "de": ["Impressum | Datenschutz | Kontakt | AGB", "Impressum · Datenschutz · Mediadaten"],
    "es": ["Aviso legal · Privacidad · Contacto"], "fr": ["Mentions légales – Confidentialité – Contact"],
    "pl": ["Polityka prywatności | Regulamin | Kontakt"], "pt": ["Termos de uso · Privacidade"],
    "it": ["Note legali · Privacy · Contatti"], "ru": ["Политика конфиденциальности · Контакты"],
}
FOLLOW = {
    "en": ["Follow us on Facebook, Twitter and Instagram", "Follow @{handle}"],
    "de": ["Folgen Sie uns auf Facebook und Twitter", "Folgen Sie @{handle}"],
    "es": ["Síguenos en Twitter", "Síguenos en Facebook e Instagram"], "fr": ["Suivez-nous sur Twitter"],
    "pl": ["Obserwuj nas na Facebooku"], "pt": ["Siga-nos no Instagram"], "it": ["Seguici su Facebook"],
    "ru": ["Подписывайтесь на нас в Telegram"],
}
PLACEHOLDER_TARGETS = [("#", "hash"), ("#!", "hash"), ("#0", "hash"), ("#top", "hash"), ("", "empty"),
                       ("javascript:void(0)", "javascript"), ("javascript:;", "javascript"),
                       ("javascript:void(0);", "javascript"), ("JavaScript:Void(0)", "javascript")]
SITE_TEMPLATES = {
    "en": ["The {City} Herald", "{City} Daily", "{City} Post", "Northern Courier"],
    "de": ["{City}er Rundschau", "{City}er Anzeiger", "Nachrichten aus {City}", "Der Tagesbote"],
    "es": ["El Diario de {City}", "La Voz de {City}", "Noticias {City}"],
    "fr": ["Le Courrier de {City}", "La Gazette de {City}", "{City} Info"],
    "pl": ["Gazeta {City}", "Kurier {City}"],
    "pt": ["Jornal de {City}", "Folha de {City}"],
    "it": ["Il Corriere di {City}", "La Gazzetta di {City}"],
    "ru": ["Вести {City}", "{City} сегодня"],
}
CITIES = {
    "en": ["Ashford", "Lakeview", "Milton", "Riverside"], "de": ["Lindau", "Kassel", "Bamberg", "Hameln"],
    "es": ["Segovia", "Cádiz", "Lugo"], "fr": ["Rouen", "Nancy", "Tours"], "pl": ["Opole", "Toruń"],
    "pt": ["Braga", "Campinas"], "it": ["Parma", "Lecce"], "ru": ["Тверь", "Омск"],
}
