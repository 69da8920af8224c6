// A software WebAuthn authenticator for the unit tests: an ES256 key pair per credential, "none" attestation, and
// the authenticator data, client data and signatures a browser would send (W3C WebAuthn level 2, CTAP2's CBOR). The
// relying party's side is the real one: better-auth's passkey plugin verifies these with @simplewebauthn/server.
// The end-to-end tests use Chromium's virtual authenticator instead (e2e/passkeys.ts).
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

// ── Minimal CBOR (RFC 8949) for the attestation object and the COSE key: ints, byte and text strings, maps. ──
function head(major: number, value: number): Buffer {
  if (value < 24) return Buffer.from([(major << 5) | value]);
  if (value < 256) return Buffer.from([(major << 5) | 24, value]);
  if (value < 65536) return Buffer.from([(major << 5) | 25, value >> 8, value & 0xff]);
  const out = Buffer.alloc(5);
  out[0] = (major << 5) | 26;
  out.writeUInt32BE(value, 1);
  return out;
}

type Cbor = number | string | Uint8Array | Map<Cbor, Cbor>;

function cbor(value: Cbor): Buffer {
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8");
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), Buffer.from(value)]);
  const parts = [head(5, value.size)];
  for (const [k, v] of value) parts.push(cbor(k), cbor(v));
  return Buffer.concat(parts);
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

export interface Credential {
  id: Buffer;
  privateKey: KeyObject;
  publicKey: KeyObject;
  userHandle: string;
  counter: number;
}

export interface AuthenticatorOptions {
  /** The origin the "browser" puts in client data (default: the relying party's https or http origin). */
  origin: string;
  /** Whether the authenticator reports user verification (fingerprint, PIN). Default true. */
  userVerified?: boolean;
  /** Whether the credential is synced (backup eligible and backed up): "multiDevice". Default false. */
  synced?: boolean;
}

/** A software authenticator holding discoverable credentials, for one origin. */
export function softAuthenticator(options: AuthenticatorOptions) {
  const credentials: Credential[] = [];
  const state = { userVerified: options.userVerified ?? true, origin: options.origin };

  function flags(extra: number) {
    const backup = options.synced ? FLAG_BE | FLAG_BS : 0;
    return FLAG_UP | (state.userVerified ? FLAG_UV : 0) | backup | extra;
  }

  function clientData(type: "webauthn.create" | "webauthn.get", challenge: string) {
    return Buffer.from(JSON.stringify({ type, challenge, origin: state.origin, crossOrigin: false }));
  }

  return {
    credentials,
    /** Changes what the next ceremonies report (e.g. a device that skips user verification). */
    set(next: Partial<Pick<AuthenticatorOptions, "userVerified" | "origin">>) {
      if (next.userVerified !== undefined) state.userVerified = next.userVerified;
      if (next.origin !== undefined) state.origin = next.origin;
    },
    /** navigator.credentials.create() answering the options of /passkey/generate-register-options. */
    register(creation: { challenge: string; rp: { id?: string }; user: { id: string } }) {
      const rpId = creation.rp.id ?? new URL(state.origin).hostname;
      const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
      const jwk = publicKey.export({ format: "jwk" });
      const id = randomBytes(16);
      const cose = cbor(
        new Map<Cbor, Cbor>([
          [1, 2], // kty: EC2
          [3, -7], // alg: ES256
          [-1, 1], // crv: P-256
          [-2, Buffer.from(jwk.x as string, "base64url")],
          [-3, Buffer.from(jwk.y as string, "base64url")],
        ]),
      );
      const counter = Buffer.alloc(4);
      const idLength = Buffer.from([0, id.length]);
      const authData = Buffer.concat([
        sha256(rpId),
        Buffer.from([flags(FLAG_AT)]),
        counter,
        Buffer.alloc(16),
        idLength,
        id,
        cose,
      ]);
      const attestationObject = cbor(
        new Map<Cbor, Cbor>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", authData],
        ]),
      );
      credentials.push({ id, privateKey, publicKey, userHandle: creation.user.id, counter: 0 });
      return {
        id: b64url(id),
        rawId: b64url(id),
        type: "public-key",
        authenticatorAttachment: "platform",
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(clientData("webauthn.create", creation.challenge)),
          attestationObject: b64url(attestationObject),
          transports: ["internal"],
        },
      };
    },
    /** navigator.credentials.get() answering /passkey/generate-authenticate-options, with one of its credentials. */
    authenticate(request: { challenge: string; rpId?: string }, credential: Credential | undefined = credentials[0]) {
      if (!credential) throw new Error("this authenticator holds no credential");
      const rpId = request.rpId ?? new URL(state.origin).hostname;
      credential.counter += 1;
      const counter = Buffer.alloc(4);
      counter.writeUInt32BE(credential.counter);
      const authenticatorData = Buffer.concat([sha256(rpId), Buffer.from([flags(0)]), counter]);
      const data = clientData("webauthn.get", request.challenge);
      const signature = sign("sha256", Buffer.concat([authenticatorData, sha256(data)]), {
        key: credential.privateKey,
        dsaEncoding: "der",
      });
      return {
        id: b64url(credential.id),
        rawId: b64url(credential.id),
        type: "public-key",
        authenticatorAttachment: "platform",
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(data),
          authenticatorData: b64url(authenticatorData),
          signature: b64url(signature),
          userHandle: credential.userHandle,
        },
      };
    },
  };
}

export type SoftAuthenticator = ReturnType<typeof softAuthenticator>;
