import Link from 'next/link';
import type { Contact } from '@/lib/schemas/contact';
import { CONTACT_METHOD_LABELS, telHref } from '@/lib/schemas/contact-values';

const LINK = 'font-semibold text-teal-800 underline underline-offset-2';

/** A phone number one tap dials, named for assistive technology. */
export function PhoneLink({ phone, label }: { phone: string; label: string }) {
  return (
    <a href={telHref(phone)} className={LINK} aria-label={`Call ${label}: ${phone}`}>
      {phone}
    </a>
  );
}

/**
 * The patient's phone and emergency contact on the chart header, as tappable `tel:` links; set
 * apart in rose when a safety flag is open, so the number is where the flag is.
 */
export function ContactSummary({
  patientId,
  name,
  contact,
  urgent,
}: {
  patientId: string;
  name: string;
  contact: Contact;
  urgent: boolean;
}) {
  const { phone, emergencyName, emergencyPhone } = contact;
  const box = urgent
    ? 'rounded-lg border border-rose-300 bg-rose-50 px-4 py-3 text-rose-950'
    : 'text-slate-700';
  if (!phone && !emergencyName) {
    return (
      <p className={`text-sm ${box}`}>
        No phone number on file.{' '}
        <Link href={`/patients/${patientId}/contact`} className={LINK}>
          Add contact details
        </Link>
      </p>
    );
  }
  return (
    <div className={`text-sm ${box}`}>
      {urgent ? <p className="mb-1 font-semibold">Open safety flag: reach {name}</p> : null}
      <dl className="flex flex-wrap gap-x-6 gap-y-1">
        {phone ? (
          <div className="flex gap-1.5">
            <dt className="font-medium">Phone:</dt>
            <dd>
              <PhoneLink phone={phone} label={name} />
              {contact.preferredContact ? (
                <span>
                  {' '}
                  (prefers {CONTACT_METHOD_LABELS[contact.preferredContact].toLowerCase()})
                </span>
              ) : null}
            </dd>
          </div>
        ) : null}
        {emergencyName && emergencyPhone ? (
          <div className="flex flex-wrap gap-1.5">
            <dt className="font-medium">Emergency contact:</dt>
            <dd>
              {emergencyName}
              {contact.emergencyRelationship ? ` (${contact.emergencyRelationship})` : ''},{' '}
              <PhoneLink phone={emergencyPhone} label={emergencyName} />
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
