// Runs one autocannon load in its own process (the bench's second process on loopback), so the load
// generator shares neither the servers' process nor their event loop. Reads its options as JSON on stdin
// and prints autocannon's result as JSON on stdout.
import autocannon from "autocannon";

const input = await new Promise<string>((resolve) => {
  let data = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => {
    data += chunk;
  });
  process.stdin.on("end", () => resolve(data));
});
const result = await autocannon(JSON.parse(input));
process.stdout.write(JSON.stringify(result));
