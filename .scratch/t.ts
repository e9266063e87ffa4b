import c from "@/lib/public-cache-contract.json"; console.log(c.listenersSymbol)
