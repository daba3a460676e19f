// Drives the sandbox through @leonardo-ai/sdk: the SDK validates every response with its own
// schemas, so a sandbox reply that drifts from Leonardo's shapes makes this script fail.
// usage: node sdk-e2e.mjs http://127.0.0.1:PORT/api/rest/v1
import { Leonardo } from "@leonardo-ai/sdk";

const base = process.argv[2];
if (!base) { console.error("usage: node sdk-e2e.mjs BASE_URL"); process.exit(2); }
const sdk = new Leonardo({ bearerAuth: "sandbox-e2e-key", serverURL: base });

function check(cond, what) { if (!cond) throw new Error("check failed: " + what); }
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function poll(fn, done, what) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const v = await fn();
    if (done(v)) return v;
    await sleep(50);
  }
  throw new Error(what + " did not finish in 60 s");
}

function pngSize(buf) {
  check(buf[0] === 137 && buf[1] === 80 && buf[2] === 78 && buf[3] === 71, "PNG signature");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

async function download(url) {
  const r = await fetch(url);
  check(r.status === 200, "download " + url + " -> " + r.status);
  return Buffer.from(await r.arrayBuffer());
}

async function generation(id) {
  return poll(async () => (await sdk.image.getGenerationById(id)).object.generationsByPk,
    (g) => g && g.status !== "PENDING", "generation " + id);
}

async function main() {
  const me0 = (await sdk.user.getUserSelf()).object.userDetails[0];
  const userId = me0.user.id;
  const credits0 = me0.apiSubscriptionTokens;
  check(typeof credits0 === "number" && credits0 > 0, "a credit balance");

  const models = (await sdk.models.listPlatformModels()).object.customModels;
  check(models.length > 0 && models.some((m) => m.name === "Leonardo Kino XL"), "platform models listed");

  // 1. a first portrait: it becomes the Character Reference anchor
  const first = await sdk.image.createGeneration({
    prompt: "Mara Voss, olive skin, short black bob with a silver streak, green eyes, scar on left cheek, photoreal",
    width: 512, height: 768, numImages: 1, seed: 4242, modelId: "aa77f04e-3eec-4034-9c07-d0f619684628",
  });
  const job = first.object.sdGenerationJob;
  check(job.cost && job.cost.unit === "CREDITS", "create carries a cost");
  const g1 = await generation(job.generationId);
  check(g1.status === "COMPLETE" && g1.generatedImages.length === 1, "first generation complete");
  const anchorPng = await download(g1.generatedImages[0].url);
  const s1 = pngSize(anchorPng);
  check(s1.width === 512 && s1.height === 768, "rendered at the requested size");

  // 2. upload it through the presigned flow: fields (a JSON string) + file, no Authorization
  const up = (await sdk.initImages.uploadInitImage({ extension: "png" })).object.uploadInitImage;
  const form = new FormData();
  for (const [k, v] of Object.entries(JSON.parse(up.fields))) form.append(k, v);
  form.append("file", new Blob([anchorPng], { type: "image/png" }), "anchor.png");
  const put = await fetch(up.url, { method: "POST", body: form });
  check(put.status === 204, "presigned upload answers 204, got " + put.status);
  const init = (await sdk.initImages.getInitImageById(up.id)).object.initImagesByPk;
  check(init.id === up.id, "init image readable");

  // 3. a generation with a Character Reference on the uploaded anchor
  const ref = await sdk.image.createGeneration({
    prompt: "Mara Voss, portrait, anime, cel shading",
    width: 512, height: 768, numImages: 2, seed: 77, modelId: "aa77f04e-3eec-4034-9c07-d0f619684628",
    controlnets: [{ initImageId: up.id, initImageType: "UPLOADED", preprocessorId: 133, strengthType: "Mid" }],
  });
  const g2 = await generation(ref.object.sdGenerationJob.generationId);
  check(g2.status === "COMPLETE" && g2.generatedImages.length === 2, "reference generation complete");

  // 4. upscale one image and read the variation
  const imageId = g2.generatedImages[0].id;
  const upJob = (await sdk.variation.createVariationUpscale({ id: imageId })).object.sdUpscaleJob;
  const v = await poll(async () => (await sdk.variation.getVariationById(upJob.id)).object.generatedImageVariationGeneric[0],
    (x) => x && x.status !== "PENDING", "upscale");
  check(v.status === "COMPLETE" && v.transformType === "UPSCALE", "upscale complete");
  const s2 = pngSize(await download(v.url));
  check(s2.width === 1024 && s2.height === 1536, "upscale doubled the size, got " + s2.width + "x" + s2.height);

  const uni = (await sdk.variation.createUniversalUpscalerJob({ generatedImageId: imageId, upscaleMultiplier: 1.5 })).object.universalUpscaler;
  const vu = await poll(async () => (await sdk.variation.getVariationById(uni.id)).object.generatedImageVariationGeneric[0],
    (x) => x && x.status !== "PENDING", "universal upscaler");
  const s3 = pngSize(await download(vu.url));
  check(s3.width === 768 && s3.height === 1152, "universal upscaler x1.5, got " + s3.width + "x" + s3.height);

  const nobg = (await sdk.variation.createVariationNoBG({ id: imageId })).object.sdNobgJob;
  await poll(async () => (await sdk.variation.getVariationById(nobg.id)).object.generatedImageVariationGeneric[0],
    (x) => x && x.status === "COMPLETE", "nobg");

  // 5. listing, estimate, balance, deletes
  const mine = (await sdk.image.getGenerationsByUserId(userId, 10, 0)).object.generations;
  check(mine.length === 2, "two generations listed for the user, got " + mine.length);
  const est = (await sdk.pricingCalculator.pricingCalculator({
    service: "UNIVERSAL_UPSCALER", serviceParams: { universalUpscaler: { megapixel: 1 } },
  })).object.calculateProductionApiServiceCost.cost;
  check(Number.isInteger(est) && est > 0, "an integer estimate");
  const credits1 = (await sdk.user.getUserSelf()).object.userDetails[0].apiSubscriptionTokens;
  check(credits1 < credits0, "credits went down: " + credits0 + " -> " + credits1);
  const improved = (await sdk.prompt.promptImprove({ prompt: "a calm portrait" })).object.promptGeneration;
  check(improved.prompt.startsWith("a calm portrait"), "prompt improved");

  const del = (await sdk.image.deleteGenerationById(g1.id)).object.deleteGenerationsByPk;
  check(del.id === g1.id, "generation deleted");
  const gone = (await sdk.image.getGenerationById(g1.id)).object.generationsByPk;
  check(gone == null, "deleted generation reads as null");
  const delInit = (await sdk.initImages.deleteInitImageById(up.id)).object.deleteInitImagesByPk;
  check(delInit.id === up.id, "init image deleted");
  console.log("sdk-e2e: OK (" + (credits0 - credits1) + " credits spent)");
}

main().catch((e) => {
  console.error("sdk-e2e: FAILED:", e && e.stack ? e.stack : e);
  if (e && e.rawValue !== undefined) console.error("raw value:", JSON.stringify(e.rawValue).slice(0, 2000));
  if (e && e.body) console.error("body:", String(e.body).slice(0, 2000));
  process.exit(1);
});
