import { RadioGroupField } from "@/components/ui/field";
import { CIVILITY_LABELS } from "@/lib/accounts/schemas";

export function CivilityField({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  return (
    <RadioGroupField
      name="civility"
      legend="Civilité"
      required
      options={Object.entries(CIVILITY_LABELS).map(([value, label]) => ({ value, label }))}
      defaultValue={defaultValue}
      error={error}
    />
  );
}
