import { Link } from '../../shared/router/link';

export function NotFoundPage() {
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>There is no page at this address. <Link to="/accounts">Go to the accounts</Link>.</p>
    </section>
  );
}
