// The source registry: every source the pipelines can load. Add a new source here.
import ascof202021 from "./ascof-2020-21.ts";
import type { Source } from "./declaration.ts";
import oflogAscMeasures from "./oflog-asc-measures.ts";
import onsLtlaUtla2022 from "./ons-ltla-utla-2022.ts";
import onsMye2 from "./ons-mye2.ts";
import onsMye2022 from "./ons-mye-2022.ts";
import onsSnpp2022 from "./ons-snpp-2022.ts";

export const SOURCES: readonly Source[] = [onsMye2, onsMye2022, onsSnpp2022, onsLtlaUtla2022, ascof202021, oflogAscMeasures];

export function sourceById(id: string): Source {
  const source = SOURCES.find((candidate) => candidate.id === id);
  if (!source) throw new Error(`unknown source '${id}' (known: ${SOURCES.map((s) => s.id).join(", ")})`);
  return source;
}
