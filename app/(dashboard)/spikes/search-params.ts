import { createLoader, parseAsStringLiteral } from "nuqs/server";
import { SPIKE_WINDOWS } from "@/lib/trends/range-presets";


export const spikeParams = { window: parseAsStringLiteral(SPIKE_WINDOWS).withDefault("1h") };
export const loadSpikeParams = createLoader(spikeParams);
