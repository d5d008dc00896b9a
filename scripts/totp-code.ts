// Prints the code an authenticator app would show now for a TOTP secret, for trying two-step
// sign-in without a phone: `npm run totp -- <secret shown on the Security page>`.
import { generate } from 'otplib';

const secret = (process.argv[2] ?? '').replace(/\s+/g, '').toUpperCase();
if (!/^[A-Z2-7]{16,}=*$/.test(secret)) {
  console.error('Usage: npm run totp -- <the key shown on the Security page>');
  process.exit(2);
}
const now = Math.floor(Date.now() / 1000);
const code = await generate({ secret, epoch: now });
console.log(`${code}  (valid for ${30 - (now % 30)} more seconds)`);
