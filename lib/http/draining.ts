// Whether this process is shutting down (docs/decisions/030-health-logs-metrics.md): the server in
// front of Next sets it on SIGTERM, and /api/ready then answers 503 so a load balancer sends the
// requests elsewhere while the ones in flight finish. On globalThis: Next bundles the route handler
// apart from the server, and both must see the same flag.
const globalForDraining = globalThis as unknown as { triadDraining?: boolean };

export function startDraining(): void {
  globalForDraining.triadDraining = true;
}

export function isDraining(): boolean {
  return globalForDraining.triadDraining === true;
}
