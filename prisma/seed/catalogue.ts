// The e-service catalogue of a fresh installation. Operators manage it afterwards; the seed
// only creates what is missing and never overwrites an operator's edits.
import type { Db } from "../../lib/db";

export const CATALOGUE = [
  {
    slug: "etat-civil",
    name: "État civil en ligne",
    description: "Instruire les demandes d'actes de naissance, de mariage et de décès déposées par les usagers.",
    url: "https://etat-civil.e-services.example/",
    termsText: "L'organisation s'engage à traiter les demandes d'actes dans les délais légaux et à n'utiliser les données qu'à cette fin.",
    handlesHealthData: false,
  },
  {
    slug: "urbanisme",
    name: "Autorisations d'urbanisme",
    description: "Recevoir et instruire les permis de construire, déclarations préalables et certificats d'urbanisme.",
    url: "https://urbanisme.e-services.example/",
    termsText: "L'organisation désigne les agents instructeurs et reste responsable des décisions prises sur les dossiers.",
    handlesHealthData: false,
  },
  {
    slug: "paie-rh",
    name: "Paie et ressources humaines",
    description: "Préparer la paie des agents, suivre les carrières et produire les déclarations sociales.",
    url: "https://paie-rh.e-services.example/",
    termsText: "Les données des agents sont traitées pour la seule gestion administrative du personnel.",
    handlesHealthData: false,
  },
  {
    slug: "sante-au-travail",
    name: "Santé au travail des agents",
    description: "Organiser les visites de médecine préventive et suivre les aménagements de poste des agents.",
    url: "https://sante-au-travail.e-services.example/",
    termsText:
      "Ce service traite des données de santé. Chaque utilisateur donne son consentement explicite à la première utilisation ; l'accès est réservé au titulaire des identifiants.",
    handlesHealthData: true,
  },
  {
    slug: "marches-publics",
    name: "Marchés publics",
    description: "Publier les consultations, recevoir les offres dématérialisées et notifier les attributions.",
    url: "https://marches-publics.e-services.example/",
    termsText: "L'organisation garantit la confidentialité des offres jusqu'à l'ouverture des plis.",
    handlesHealthData: false,
  },
  {
    slug: "periscolaire",
    name: "Restauration scolaire et périscolaire",
    description: "Gérer les inscriptions à la cantine et aux accueils périscolaires, et la facturation aux familles.",
    url: "https://periscolaire.e-services.example/",
    termsText: "Les données des familles ne sont utilisées que pour l'inscription et la facturation des services.",
    handlesHealthData: false,
  },
] as const;

export type CatalogueSlug = (typeof CATALOGUE)[number]["slug"];

export async function seedCatalogue(db: Db): Promise<Map<CatalogueSlug, string>> {
  const ids = new Map<CatalogueSlug, string>();
  for (const service of CATALOGUE) {
    const saved = await db.eService.upsert({
      where: { slug: service.slug },
      create: service,
      update: {},
      select: { id: true },
    });
    ids.set(service.slug, saved.id);
  }
  return ids;
}
