export default function Home() {
  return <main>Triad</main>;
}
