// The help centre's questions and answers (HELP-1), kept in the repository rather than the
// database: they change with the portal's code, are reviewed with it, and feed both the
// /aide page and the practical guide in PDF (HELP-3).
//
// Text conventions, read by components/help and lib/help/guide-document.tsx:
// - a block is a paragraph (string), or a list of steps (numbered) or of points;
// - inside a paragraph or an item, "[label](/path)" is a link to a page of this portal.
// Support contacts are never written here: pages print them from configuration (HELP-5).
import type { TicketCategorySlug } from "../support/categories";

export type HelpBlock = string | { steps: string[] } | { points: string[] };

export interface HelpEntry {
  /** Anchor on /aide, stable: links from other pages and e-mails point to it. */
  id: string;
  question: string;
  answer: HelpBlock[];
  /** Words people type that the question does not contain. */
  keywords?: string[];
  /** The assistance category to suggest when the answer did not solve the problem. */
  category?: TicketCategorySlug;
}

export interface HelpTheme {
  id: string;
  title: string;
  summary: string;
  entries: HelpEntry[];
}

export const HELP_THEMES: HelpTheme[] = [
  {
    id: "acces",
    title: "Accès et connexion",
    summary: "Recevoir ses accès, retrouver son identifiant, choisir ou changer son mot de passe.",
    entries: [
      {
        id: "acces-non-recus",
        question: "Je n'ai pas reçu mes accès (identifiant, lien d'activation)",
        keywords: ["codes d'accès", "pas reçu", "bienvenue", "courriel", "mail", "activation"],
        category: "acces",
        answer: [
          "Le portail ne crée pas de compte à votre place : vos accès naissent de votre propre inscription. À la fin de l'[inscription](/inscription), un courriel vous est envoyé avec votre identifiant et un lien d'activation, valable 72 heures. Si cette adresse a déjà un compte pour la même organisation, ce courriel vous le rappelle au lieu d'en créer un second.",
          {
            steps: [
              "Patientez quelques minutes : certains services de messagerie retardent les messages automatiques.",
              "Regardez dans le dossier des indésirables (spam). Si le message y est, marquez-le comme légitime pour recevoir les suivants normalement.",
              "Toujours rien ? Demandez un nouveau lien depuis la page [Renvoyer le courriel d'activation](/activation/renvoyer). Seul le dernier lien envoyé fonctionne.",
              "Vérifiez l'adresse saisie : si elle comportait une faute, recommencez l'[inscription](/inscription) avec la bonne adresse.",
            ],
          },
          "Si aucun message n'arrive après ces étapes, faites une demande d'assistance dans la catégorie « Connexion aux services / Accès » en précisant ce que vous avez déjà essayé.",
        ],
      },
      {
        id: "identifiant-oublie",
        question: "J'ai oublié mon identifiant",
        keywords: ["login", "nom d'utilisateur", "retrouver"],
        category: "acces",
        answer: [
          "Votre identifiant est formé de votre prénom et de votre nom, sans accents, en minuscules et reliés par un tiret (20 caractères au plus), par exemple « jeanne-leroy ». Si ce nom était déjà pris, un chiffre a été ajouté à la fin. Il ne change jamais, même si votre nom change.",
          "Pour le recevoir, indiquez votre adresse électronique sur la page [Identifiant oublié](/identifiant-oublie) : vous recevrez par courriel les identifiants de tous les comptes qui utilisent cette adresse, avec l'organisation de chacun.",
        ],
      },
      {
        id: "mot-de-passe-oublie",
        question: "J'ai oublié mon mot de passe",
        keywords: ["mdp", "réinitialiser", "perdu", "nouveau mot de passe"],
        category: "acces",
        answer: [
          "Le portail ne connaît pas votre mot de passe et ne l'envoie jamais par courriel : vous en choisissez un nouveau.",
          {
            steps: [
              "Ouvrez la page [Mot de passe oublié](/mot-de-passe-oublie) et saisissez votre identifiant ou votre adresse électronique.",
              "Cliquez sur le lien reçu par courriel. Il ne sert qu'une fois et n'est valable qu'une heure.",
              "Choisissez un nouveau mot de passe : la liste des règles se coche au fur et à mesure de la saisie.",
            ],
          },
          "Vos autres sessions ouvertes (sur un autre ordinateur par exemple) sont alors fermées.",
        ],
      },
      {
        id: "changer-mot-de-passe",
        question: "Je veux changer mon mot de passe",
        keywords: ["modifier", "mdp", "sécurité"],
        category: "compte",
        answer: [
          "Connectez-vous, puis ouvrez [Mon espace, rubrique Mon mot de passe](/espace#mot-de-passe). Saisissez votre mot de passe actuel puis le nouveau, deux fois. Le changement vaut immédiatement et ferme vos autres sessions ; un courriel vous le confirme.",
        ],
      },
      {
        id: "regles-mot-de-passe",
        question: "Quelles règles mon mot de passe doit-il respecter ?",
        keywords: ["complexité", "caractères", "majuscule", "chiffre", "refusé"],
        answer: [
          {
            points: [
              "au moins 8 caractères (128 au plus) ;",
              "au moins un chiffre, une lettre minuscule et une lettre majuscule (les lettres accentuées comptent) ;",
              "aucun morceau de votre prénom, de votre nom ou de votre identifiant ;",
              "pas un mot de passe trop répandu, comme « Azerty123 » ou une suite de chiffres.",
            ],
          },
          "Une phrase de quelques mots, facile à retenir pour vous seul, est souvent le meilleur choix. N'utilisez pas un mot de passe qui sert déjà sur un autre site.",
        ],
      },
      {
        id: "connexion-refusee",
        question: "Le portail me répond « Identifiant ou mot de passe incorrect »",
        keywords: ["connexion impossible", "erreur", "refus", "bloqué", "problème de connexion"],
        category: "acces",
        answer: [
          "Par prudence, le portail ne dit pas lequel des deux est faux. Vérifiez :",
          {
            points: [
              "l'identifiant (pas l'adresse électronique) : les espaces copiés avant ou après sont ignorés ;",
              "le mot de passe, exactement tel que vous l'avez choisi : majuscules et minuscules comptent, la touche Verr. Maj. ne doit pas être active ;",
              "le compte : si vous avez plusieurs organisations, chacune a son propre compte et son propre mot de passe.",
            ],
          },
          "Après plusieurs essais manqués, les tentatives sont suspendues quelques minutes : la page indique combien de temps attendre. En cas de doute, passez par [Mot de passe oublié](/mot-de-passe-oublie) ou [Identifiant oublié](/identifiant-oublie).",
        ],
      },
    ],
  },
  {
    id: "compte",
    title: "Mon compte",
    summary: "Compte désactivé, plusieurs organisations, informations personnelles.",
    entries: [
      {
        id: "compte-desactive",
        question: "Mon compte est désactivé",
        keywords: ["désactivation", "inactif", "réactiver", "suspendu", "bloqué", "16 mois"],
        category: "compte",
        answer: [
          "La page de connexion vous indique la raison de la désactivation. Il y en a trois, chacune avec sa solution :",
          {
            steps: [
              "Vous ne vous êtes pas connecté depuis 16 mois : un courriel vous a prévenu un mois avant. Demandez un nouveau lien sur la page [Renvoyer le courriel d'activation](/activation/renvoyer) ; en cliquant dessus, votre compte redevient actif.",
              "Vous n'avez jamais cliqué sur le lien d'activation reçu après l'inscription : demandez un nouveau lien sur la même page [Renvoyer le courriel d'activation](/activation/renvoyer). Votre compte attendra ensuite la validation de l'administrateur de votre organisation.",
              "L'administrateur de votre organisation a désactivé votre compte : lui seul peut le réactiver, depuis sa console. Adressez-vous à lui.",
            ],
          },
          "Dans tous les cas, la réactivation ne rend pas les e-services que vous aviez : l'administrateur doit vous les attribuer de nouveau. Si vous avez vous-même fermé votre compte, inscrivez-vous de nouveau.",
          "Si aucune de ces solutions ne fonctionne, faites une demande d'assistance : un opérateur du portail peut réactiver un compte désactivé pour inactivité ou jamais activé.",
        ],
      },
      {
        id: "plusieurs-organisations",
        question: "Je travaille pour plusieurs organisations",
        keywords: ["deux communes", "plusieurs comptes", "changer de compte", "multi", "administrateur de plusieurs"],
        category: "compte",
        answer: [
          "Un compte appartient à une seule organisation. Inscrivez-vous une fois pour chaque organisation, avec la même adresse électronique si vous le souhaitez : chaque compte a son identifiant et son mot de passe.",
          "Une fois connecté, la rubrique [Mes autres comptes](/espace#comptes) de votre espace liste les comptes qui partagent votre adresse vérifiée : vous passez de l'un à l'autre sans vous déconnecter, le mot de passe de chacun n'étant demandé qu'une fois par session.",
          "C'est la même chose si vous êtes administrateur de plusieurs organisations : chaque rôle d'administrateur est confirmé séparément, par le représentant légal de chaque organisation.",
        ],
      },
      {
        id: "modifier-informations",
        question: "Comment modifier mes informations ou mon adresse électronique ?",
        keywords: ["nom", "téléphone", "fonction", "email", "changer d'adresse"],
        category: "compte",
        answer: [
          "Dans [Mon espace](/espace#informations), modifiez votre civilité, vos nom et prénom, votre téléphone et votre fonction. Votre identifiant, lui, ne change pas.",
          "Pour changer d'adresse électronique, utilisez la rubrique [Mon adresse électronique](/espace#adresse) : la nouvelle adresse ne remplace l'ancienne qu'après un clic sur le lien qui lui est envoyé, et l'ancienne adresse en est informée.",
        ],
      },
      {
        id: "mes-donnees",
        question: "Comment obtenir mes données ou fermer mon compte ?",
        keywords: ["rgpd", "données personnelles", "supprimer", "fermeture"],
        category: "compte",
        answer: [
          "Depuis [Mon espace](/espace#donnees), téléchargez en un fichier tout ce que le portail conserve sur votre compte. La rubrique [Fermer mon compte](/espace#fermeture) le ferme immédiatement, après confirmation de votre mot de passe : vos accès aux e-services sont retirés.",
        ],
      },
    ],
  },
  {
    id: "inscription",
    title: "Inscription",
    summary: "Remplir le formulaire, trouver son organisation, confirmer son adresse.",
    entries: [
      {
        id: "bouton-valider",
        question: "Le bouton « Valider » de l'inscription ne fait rien",
        keywords: ["formulaire", "erreur", "champ obligatoire", "ne fonctionne pas", "bloqué"],
        category: "acces",
        answer: [
          "Le bouton envoie toujours le formulaire. Si quelque chose manque, un message apparaît en haut du formulaire et à côté de chaque champ à corriger, et le curseur se place sur le premier. Vérifiez en particulier :",
          {
            points: [
              "les champs marqués d'un astérisque (*), tous obligatoires ;",
              "l'organisation, à choisir dans la liste qui s'ouvre pendant la saisie ;",
              "le mot de passe et sa confirmation, identiques, qui respectent toutes les règles affichées ;",
              "la case d'acceptation des conditions générales d'utilisation, à cocher.",
            ],
          },
          "Ce que vous avez saisi est conservé : seuls les champs signalés sont à reprendre.",
        ],
      },
      {
        id: "courriel-confirmation",
        question: "Je n'ai pas reçu le courriel de confirmation de mon inscription",
        keywords: ["activation", "mail", "spam", "indésirables", "pas reçu"],
        category: "acces",
        answer: [
          "Le message peut mettre quelques minutes à arriver. Regardez dans les courriers indésirables, puis demandez un nouvel envoi sur la page [Renvoyer le courriel d'activation](/activation/renvoyer). S'inscrire une seconde fois avec la même adresse pour la même organisation renvoie aussi le lien, sans créer de second compte.",
          "Seul le dernier lien reçu fonctionne. S'il n'arrive toujours pas, l'adresse contient peut-être une erreur, ou votre messagerie bloque les messages automatiques : faites une demande d'assistance.",
        ],
      },
      {
        id: "nom-compose",
        question: "J'ai un prénom ou un nom composé : que saisir ?",
        keywords: ["identifiant long", "tiret", "double nom"],
        answer: [
          "Indiquez de préférence un seul prénom et un seul nom : votre identifiant en est tiré et reste ainsi facile à retenir. Le formulaire vous montre l'identifiant pendant la saisie. Par exemple, « Marie-Hélène Lambert-Vasseur » donnerait « marie-helene-lambert » (coupé à 20 caractères), alors que « Marie Lambert » donne « marie-lambert ».",
        ],
      },
      {
        id: "organisation-introuvable",
        question: "Je ne trouve pas mon organisation dans la liste",
        keywords: ["commune", "mairie", "siren", "code postal", "insee", "annuaire"],
        category: "acces",
        answer: [
          "Le champ « Organisation » cherche dans l'annuaire par nom, code postal, code INSEE, SIREN ou code d'organisation, sans tenir compte des accents ni des majuscules. Essayez le code postal ou le SIREN si le nom donne trop de résultats.",
          "Si votre organisation n'y figure pas, faites une demande d'assistance : un opérateur l'ajoutera à l'annuaire avec son adresse postale officielle.",
        ],
      },
    ],
  },
  {
    id: "roles",
    title: "Rôles et validations",
    summary: "Représentant légal, administrateur, utilisateur : qui fait quoi et qui valide qui.",
    entries: [
      {
        id: "qui-valide-qui",
        question: "Qui valide qui ?",
        keywords: ["validation", "attente", "approuver", "compte en attente"],
        category: "compte",
        answer: [
          "Deux validations se succèdent :",
          {
            points: [
              "le représentant légal de l'organisation confirme son administrateur, avec le code reçu par courrier postal ;",
              "l'administrateur valide ensuite chaque utilisateur de l'organisation, depuis la [console d'administration](/administration/comptes), puis lui attribue des e-services.",
            ],
          },
          "Tant que votre compte attend la validation de l'administrateur, la page de connexion vous le dit. Si votre organisation n'a pas encore d'administrateur, l'un de vous doit le devenir : voir « Qu'est-ce que l'administrateur ? ».",
        ],
      },
      {
        id: "representant-legal",
        question: "Qu'est-ce que le représentant légal ?",
        keywords: ["maire", "président", "élu", "dirigeant"],
        answer: [
          "C'est la personne qui dirige l'organisation : maire, président de communauté de communes ou d'association, directeur d'un établissement public… Il n'a pas besoin de compte sur le portail. Son seul rôle est de confirmer qui sera l'administrateur : il reçoit un courrier à l'adresse officielle de l'organisation et saisit le numéro de demande et le code sur la page [Validation de l'administrateur](/validation-administrateur).",
        ],
      },
      {
        id: "administrateur",
        question: "Qu'est-ce que l'administrateur ?",
        keywords: ["admin", "gestionnaire", "devenir administrateur", "permissions"],
        category: "compte",
        answer: [
          "L'administrateur gère le portail pour son organisation : il l'abonne aux e-services, valide les comptes des agents et décide qui peut utiliser quel e-service. Il n'en utilise aucun par défaut : pour s'en servir, il s'attribue les e-services comme à n'importe quel utilisateur.",
          "Pour le devenir, choisissez « Administrateur » à l'inscription, ou utilisez « Devenir administrateur » dans [Mon espace](/espace#administration). Un courrier part alors au représentant légal. Mettez-vous d'accord avec lui avant : c'est lui qui confirme.",
          "Si une demande est faite pour une autre personne alors que la première n'est pas encore confirmée, la nouvelle demande remplace l'ancienne : les codes du premier courrier ne fonctionnent plus. Quand un nouvel administrateur est confirmé, le précédent devient simple utilisateur.",
        ],
      },
      {
        id: "suppleant",
        question: "Qu'est-ce qu'un administrateur suppléant ?",
        keywords: ["suppléant", "adjoint", "remplaçant", "absence", "co-administrateur"],
        category: "compte",
        answer: [
          "L'administrateur peut désigner jusqu'à trois suppléants parmi les utilisateurs actifs de l'organisation, depuis la page Suppléants de sa console. La personne désignée reçoit un courriel et accepte (ou décline) depuis [Mon espace](/espace#suppleance).",
          "Un suppléant valide, refuse et désactive les comptes, attribue et retire les e-services, importe des comptes et consulte le journal. Les abonnements de l'organisation et le choix des suppléants restent à l'administrateur.",
          "Si le compte de l'administrateur est désactivé ou fermé, les suppléants continuent et en sont prévenus ; l'un d'eux peut demander à devenir administrateur depuis [Mon espace](/espace#administration) : un courrier part au représentant légal, comme pour toute demande.",
        ],
      },
      {
        id: "sans-administrateur",
        question: "Mon organisation n'a plus d'administrateur",
        keywords: ["personne ne valide", "administrateur parti", "compte en attente", "validation", "suppléant"],
        category: "compte",
        answer: [
          "Si vous avez un compte actif, demandez le rôle avec « Devenir administrateur » dans [Mon espace](/espace#administration) : un courrier part au représentant légal, qui confirme avec le code qu'il contient.",
          "Si votre compte attend une validation que personne ne peut donner, demandez à un collègue dont le compte est actif de faire cette demande, ou qu'une personne de l'organisation [s'inscrive](/inscription) en choisissant le rôle « Administrateur ». Une fois confirmé, le nouvel administrateur valide les comptes en attente.",
        ],
      },
      {
        id: "utilisateur",
        question: "Qu'est-ce qu'un utilisateur ?",
        keywords: ["agent", "rôle", "droits"],
        answer: [
          "Un utilisateur est un agent de l'organisation dont l'administrateur a validé le compte. Il utilise les e-services que l'administrateur lui a attribués, tant que l'organisation y est abonnée, et consulte les [tableaux de bord](/tableaux-de-bord) de ces e-services.",
        ],
      },
      {
        id: "courrier-non-recu",
        question: "Le courrier de validation n'est pas arrivé",
        keywords: ["lettre", "code de confirmation", "représentant légal", "5 jours", "poste", "courrier postal"],
        category: "courrier-de-validation",
        answer: [
          "Le courrier n'est adressé qu'au représentant légal, à l'adresse officielle de l'organisation : demandez d'abord au secrétariat ou au représentant légal s'il l'a reçu. Votre espace indique la date à laquelle il a été posté.",
          "Si 5 jours ouvrables (hors dimanches et jours fériés) sont passés depuis l'envoi sans confirmation, [Mon espace](/espace#administration) vous propose de demander un nouveau courrier. Le nouveau code remplace l'ancien.",
          "Si l'adresse de l'organisation est fausse, faites une demande d'assistance dans la catégorie « Courrier de validation » : un opérateur corrigera l'annuaire avant le nouvel envoi.",
        ],
      },
      {
        id: "saisir-code",
        question: "Je suis représentant légal : où saisir le code du courrier ?",
        keywords: ["code de confirmation", "numéro de demande", "confirmer", "valider l'administrateur"],
        category: "courrier-de-validation",
        answer: [
          "Sur la page [Validation de l'administrateur](/validation-administrateur), sans créer de compte. Saisissez le numéro de demande et le code de confirmation imprimés sur le courrier ; majuscules, espaces et tirets sont sans importance. La page vous montre qui deviendra administrateur de quelle organisation avant que vous confirmiez.",
          "Le code est valable 60 jours. Après 5 codes erronés, la demande est bloquée et une nouvelle demande doit être faite.",
        ],
      },
    ],
  },
  {
    id: "e-services",
    title: "E-services et abonnements",
    summary: "Accéder à un e-service, abonnements en cours de validité, données de santé.",
    entries: [
      {
        id: "e-service-inaccessible",
        question: "Je ne vois pas un e-service, ou son accès m'est refusé",
        keywords: ["permission", "droit", "accès refusé", "service absent"],
        category: "e-services",
        answer: [
          "Pour ouvrir un e-service, deux conditions sont nécessaires : l'administrateur de votre organisation vous l'a attribué, et l'organisation y est abonnée à la date du jour. La page [Mes e-services](/e-services) liste ceux que vous pouvez ouvrir ; en cas de refus, le message dit laquelle des deux conditions manque et à qui s'adresser.",
        ],
      },
      {
        id: "abonnement-expire",
        question: "L'abonnement de mon organisation n'est plus en cours de validité",
        keywords: ["abonnement", "expiré", "date de fin", "souscrire", "offre"],
        category: "e-services",
        answer: [
          "Un abonnement a une date de début et, parfois, une date de fin. En dehors de cette période, l'e-service ne s'ouvre plus pour personne dans l'organisation, même avec une permission. L'administrateur peut souscrire de nouveau depuis la page [Abonnements](/administration/abonnements) de sa console, en acceptant les conditions de l'e-service.",
        ],
      },
      {
        id: "donnees-de-sante",
        question: "Pourquoi un e-service me demande-t-il mon consentement ?",
        keywords: ["santé", "consentement", "case à cocher", "données sensibles"],
        category: "e-services",
        answer: [
          "Les e-services qui traitent des données de santé demandent, à la première utilisation, votre accord explicite. Sans cet accord, l'e-service reste fermé. L'accès à ces données est réservé au titulaire des identifiants : ne les partagez jamais.",
        ],
      },
    ],
  },
  {
    id: "tableaux-de-bord",
    title: "Tableaux de bord",
    summary: "Disponibilité, mise à jour, export en PDF et chiffres à corriger.",
    entries: [
      {
        id: "tableaux-disponibles",
        question: "Quand mes tableaux de bord sont-ils disponibles et mis à jour ?",
        keywords: ["statistiques", "chiffres", "délai", "fréquence", "actualisation"],
        category: "tableaux-de-bord",
        answer: [
          "Dès que votre compte est actif, la page [Tableaux de bord](/tableaux-de-bord) affiche ceux du portail et des e-services que vous pouvez utiliser ; l'administrateur voit tous ceux de l'organisation. Les chiffres sont recalculés chaque jour : chaque tableau indique la date et l'heure de ses données.",
        ],
      },
      {
        id: "export-pdf",
        question: "Comment exporter un tableau de bord en PDF ?",
        keywords: ["imprimer", "télécharger", "export", "acrobat", "pdf"],
        category: "tableaux-de-bord",
        answer: [
          "Sur la page [Tableaux de bord](/tableaux-de-bord), utilisez le bouton « Exporter en PDF ». Le fichier est produit par le portail : aucun logiciel supplémentaire n'est nécessaire, votre navigateur sait l'ouvrir. Si le téléchargement ne démarre pas, vérifiez que votre navigateur ne bloque pas les téléchargements de ce site, puis faites une demande d'assistance.",
        ],
      },
      {
        id: "chiffres-faux",
        question: "Mes chiffres sont faux ou incomplets",
        keywords: ["erreur", "données manquantes", "incorrect", "signaler"],
        category: "tableaux-de-bord",
        answer: [
          "Les chiffres d'un jour sont ceux connus au moment du calcul ; ceux des e-services sont transmis par chaque e-service une fois par jour. Attendez la mise à jour du lendemain si l'écart porte sur la journée en cours.",
          "Sinon, utilisez le lien « Signaler une erreur dans mes chiffres » sous le tableau concerné : le formulaire d'assistance s'ouvre avec le tableau et la période déjà indiqués. Décrivez le chiffre attendu et celui affiché.",
        ],
      },
    ],
  },
  {
    id: "technique",
    title: "Navigateurs, cookies et accessibilité",
    summary: "Navigateurs pris en charge, cookies déposés, accessibilité du portail.",
    entries: [
      {
        id: "navigateurs",
        question: "Quels navigateurs puis-je utiliser ?",
        keywords: ["chrome", "firefox", "edge", "safari", "internet explorer", "version", "affichage"],
        answer: [
          "Le portail fonctionne avec les versions à jour de Firefox, Chrome, Edge et Safari, sur ordinateur comme sur mobile. Internet Explorer n'est plus pris en charge. Le détail est sur la page [Navigateurs pris en charge](/aide/navigateurs).",
        ],
      },
      {
        id: "cookies",
        question: "Quels cookies le portail dépose-t-il ?",
        keywords: ["traceurs", "consentement", "bandeau", "vie privée"],
        answer: [
          "Uniquement ceux nécessaires à son fonctionnement : la session de connexion, la protection des formulaires et le retour à la page demandée après connexion. Aucune mesure d'audience, aucune publicité : c'est pourquoi aucun bandeau ne vous demande votre consentement. Voir la page [Cookies](/cookies).",
        ],
      },
      {
        id: "accessibilite",
        question: "Le portail est-il accessible ?",
        keywords: ["handicap", "lecteur d'écran", "clavier", "rgaa"],
        answer: [
          "Le portail est conçu pour être utilisable au clavier et avec un lecteur d'écran, et chaque page est vérifiée automatiquement. Son état de conformité au RGAA, les contenus concernés et vos recours sont décrits dans la [déclaration d'accessibilité](/accessibilite).",
        ],
      },
    ],
  },
];

export function allHelpEntries(): { theme: HelpTheme; entry: HelpEntry }[] {
  return HELP_THEMES.flatMap((theme) => theme.entries.map((entry) => ({ theme, entry })));
}
