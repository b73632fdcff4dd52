from manyi.cli.commands import main

main()
