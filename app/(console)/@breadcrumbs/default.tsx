// No trail where the slot matches nothing (a path it cannot resolve after a soft navigation).
export default function NoBreadcrumbs() {
  return null;
}
