// An e-service as its operator form shows it.
import type { EService } from "../generated/prisma/client";

export function eServiceFormValues(eService: EService) {
  return {
    name: eService.name,
    slug: eService.slug,
    description: eService.description,
    url: eService.url,
    termsText: eService.termsText,
    handlesHealthData: eService.handlesHealthData ? "on" : "",
    requiresSecondFactor: eService.requiresSecondFactor ? "on" : "",
    active: eService.active ? "on" : "",
  };
}
